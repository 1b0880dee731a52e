package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The MQ head ({@code MQTask}, {@code [scales, projector, classifier, regressor]}), ActionFormer-style, on
 * every node of every level:
 * <pre>
 * f   = Projection(x)                                   [sum N_d, F]
 * cls = Classifier(2F -> C)([f, context(f)])            context: {@link MqContext} (reference: clip mean)
 * reg = ReLU(Linear(F -> 2)[regressor.head.0](ReLU(LayerNorm[regressor.layers.0.1](
 *           Linear(F -> F, no bias)[regressor.layers.0.0](f))))) * scales[depth]
 * </pre>
 * With EgoPack, {@code f = mean(Projection(x), Projection(out_a) for each support task a)}.
 *
 * @param weights the parameter store
 */
public record MqHead(HierEgoPackWeights weights) {

    /**
     * @param backbone the backbone output (all levels are read)
     * @param context the context rule
     * @return logits and offsets of every node
     */
    public MqOutput forward(final BackboneOutput backbone, final MqContext context) {
        return fromProjected(project(backbone.graphsX()), backbone, context);
    }

    /**
     * @param x node features {@code [N, H]}
     * @return the MQ projection {@code [N, F]}
     */
    public NDArray project(final NDArray x) {
        return new Projection(weights, WeightModule.HEAD_MQ).forward(x);
    }

    /**
     * @param f projected (or EgoPack-fused) features of every node {@code [sum N_d, F]}
     * @param backbone the backbone output the rows belong to
     * @param context the context rule
     * @return logits and offsets of every node
     */
    public MqOutput fromProjected(final NDArray f, final BackboneOutput backbone, final MqContext context) {
        return new MqOutput(classify(f, context.apply(f, backbone)), regress(f, backbone.graphsDepth()));
    }

    /**
     * The classifier on {@code [f, context]}.
     *
     * @param f projected features {@code [N, F]}
     * @param context the context of each row {@code [N, F]}
     * @return logits {@code [N, C]}
     */
    public NDArray classify(final NDArray f, final NDArray context) {
        final NDArray clsIn = NDArrays.concat(new NDList(f, context), 1);
        return new Classifier(weights, WeightModule.HEAD_MQ, "classifier").forward(clsIn);
    }

    /**
     * The regressor, scaled per level.
     *
     * @param f projected features {@code [N, F]}
     * @param depth the level of each row
     * @return (left, right) offsets in extent units {@code [N, 2]}
     */
    public NDArray regress(final NDArray f, final long[] depth) {
        NDArray r = Ops.linear(f, weights.get(WeightModule.HEAD_MQ, "regressor.layers.0.0.weight"), null);
        r = Ops.relu(Ops.layerNorm(r, weights, WeightModule.HEAD_MQ, "regressor.layers.0.1"));
        r = Ops.relu(Ops.linear(r, weights, WeightModule.HEAD_MQ, "regressor.head.0"));
        final NDArray scales = Ops.rows(weights.get(WeightModule.HEAD_MQ, "scales"), depth, f.getManager())
                .reshape(depth.length, 1);
        return r.mul(scales);
    }
}
