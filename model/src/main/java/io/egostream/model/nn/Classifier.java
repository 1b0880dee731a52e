package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * The two-layer MLP classifier {@code [<name>]}: {@code Linear(in -> h)[.net.0] -> LayerNorm[.net.1] ->
 * ReLU -> Linear(h -> h)[.net.3] -> LayerNorm[.net.4] -> ReLU -> Linear(h -> C)[.cls]}. Shapes
 * {@code [N, in] -> [N, C]}.
 *
 * @param weights the parameter store
 * @param module the head
 * @param name the classifier's key prefix, e.g. {@code verb_classifier}
 */
public record Classifier(HierEgoPackWeights weights, WeightModule module, String name) {

    /**
     * @param x {@code [N, in]}
     * @return logits {@code [N, C]}
     */
    public NDArray forward(final NDArray x) {
        NDArray h = Ops.linear(x, weights, module, name + ".net.0");
        h = Ops.relu(Ops.layerNorm(h, weights, module, name + ".net.1"));
        h = Ops.linear(h, weights, module, name + ".net.3");
        h = Ops.relu(Ops.layerNorm(h, weights, module, name + ".net.4"));
        return Ops.linear(h, weights, module, name + ".cls");
    }
}
