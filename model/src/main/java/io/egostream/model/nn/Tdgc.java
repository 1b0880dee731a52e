package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.graph.SlotPlan;
import io.egostream.model.graph.TdgcEdges;

/**
 * Temporal distance-gated convolution (TDGC, {@code DistanceGatedConv}; reference-model.md section 2).
 * For node {@code i} with incoming edges {@code j -> i}, {@code delta = pos_j - pos_i} in seconds:
 * <pre>
 * gate(delta) = tanh(W2 LeakyReLU_0.01(W1 |delta| + b1) + b2)      [lin_pos.0, lin_pos.2], 1 -> P -> H
 * h_j         = LeakyReLU_0.2(W_rel x_j + b_rel)                    [lin_rel]
 * out_i       = mean_j sign(delta) * gate(delta) * h_j + W_root x_i + bias   [lin_root (no bias), bias [1,H]]
 * </pre>
 * The mean divides by the number of neighbours that exist; a node without neighbours aggregates 0. The
 * gate MLP runs once per distinct distance ({@link TdgcEdges#distances()}), then the messages are one
 * slot-major gather: {@code [slots*N, H]} rows times gates times coefficients, summed over slots.
 *
 * <p>Shapes: {@code x [N, H]} -> {@code [N, H]}.
 *
 * @param prefix the parameter prefix, e.g. {@code layers.0.module_1}
 * @param module the weight file
 * @param weights the parameter store
 */
public record Tdgc(HierEgoPackWeights weights, WeightModule module, String prefix) {

    /**
     * @param x node features {@code [N, H]}
     * @param edges the edges of these nodes
     * @return {@code [N, H]}
     */
    public NDArray forward(final NDArray x, final TdgcEdges edges) {
        final NDArray hx = Ops.leakyRelu(Ops.linear(x, weights, module, prefix + ".lin_rel"), 0.2f);
        NDArray out = Ops.linear(x, weights.get(module, prefix + ".lin_root.weight"), null);
        final SlotPlan plan = edges.plan();
        if (plan.slots() > 0) {
            final NDArray gate = gates(x, edges.distances());
            final long h = hx.getShape().get(1);
            final NDArray coef = x.getManager().create(plan.coef(), new Shape((long) plan.slots() * plan.rows(), 1));
            final NDArray messages = Ops.rows(hx, plan.index()).mul(Ops.rows(gate, edges.distanceIndex())).mul(coef);
            final NDArray agg = messages.reshape(plan.slots(), plan.rows(), h).sum(new int[] {0});
            out = agg.add(out);
        }
        return out.add(weights.get(module, prefix + ".bias"));
    }

    /**
     * @param like an array on the target manager
     * @param distances distinct {@code |delta|} in seconds
     * @return the gate vectors {@code [distances, H]}
     */
    public NDArray gates(final NDArray like, final float[] distances) {
        final NDArray d = Ops.column(like, distances);
        final NDArray hidden = Ops.leakyRelu(Ops.linear(d, weights, module, prefix + ".lin_pos.0"), 0.01f);
        return Ops.linear(hidden, weights, module, prefix + ".lin_pos.2").tanh();
    }
}
