package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * The task projection {@code [projector.net]}: {@code Linear(H -> F)[.1] -> LayerNorm(F)[.2] -> ReLU ->
 * Linear(F -> F)[.4]} ({@code .0} is a Dropout, the identity in eval). Shapes {@code [N, H] -> [N, F]}.
 *
 * @param weights the parameter store
 * @param module the head whose projector this is
 */
public record Projection(HierEgoPackWeights weights, WeightModule module) {

    /**
     * @param x {@code [N, H]}
     * @return {@code [N, F]}
     */
    public NDArray forward(final NDArray x) {
        NDArray h = Ops.linear(x, weights, module, "projector.net.1");
        h = Ops.relu(Ops.layerNorm(h, weights, module, "projector.net.2"));
        return Ops.linear(h, weights, module, "projector.net.4");
    }
}
