package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.graph.NodeSet;

/**
 * The PNR head ({@code PNRTask}, {@code [projector, classifier, pe.frequency]}): one logit per level-0 node,
 * {@code Linear(F -> 1)(Projection(x + PE(index)))} where {@code PE(i) = [sin(i f), cos(i f)]} with the
 * stored frequencies {@code f_k = (1e-4)^(k/(F/2-1))}, applied to the node's integer index (not its
 * timestamp). With EgoPack, {@code 0.01 * mean_a(out_a)} is added after the projection.
 *
 * @param weights the parameter store
 */
public record PnrHead(HierEgoPackWeights weights) {

    /**
     * @param backbone the backbone output (level 0 is read)
     * @param auxMean EgoPack fusion term {@code [N0, F]}, or null
     * @return logits {@code [N0, 1]}
     */
    public NDArray forward(final BackboneOutput backbone, final NDArray auxMean) {
        final BackboneLevel l0 = backbone.level0();
        NDArray z = new Projection(weights, WeightModule.HEAD_PNR).forward(l0.x().add(encoding(l0.x(), l0.nodes())));
        if (auxMean != null) {
            z = z.add(auxMean.mul(Scalars.of(auxMean, 0.01f)));
        }
        return Ops.linear(z, weights, WeightModule.HEAD_PNR, "classifier");
    }

    /**
     * @param like an array on the target manager
     * @param nodes the nodes whose indices are encoded
     * @return {@code [N, F]} positional encodings
     */
    public NDArray encoding(final NDArray like, final NodeSet nodes) {
        final float[] idx = new float[nodes.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = nodes.index(i);
        }
        final NDArray freq = weights.get(WeightModule.HEAD_PNR, "pe.frequency");
        final NDArray arg = like.getManager().create(idx, new Shape(idx.length, 1))
                .mul(Ops.attached(freq.reshape(1, freq.getShape().get(0)), like.getManager()));
        return NDArrays.concat(new ai.djl.ndarray.NDList(arg.sin(), arg.cos()), 1);
    }
}
