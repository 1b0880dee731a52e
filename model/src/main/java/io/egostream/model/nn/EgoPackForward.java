package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.egostream.model.domain.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EgoPack forward for one main task (reference-model.md section 4, {@code validate} of the EgoPack
 * training script):
 * <ol>
 *   <li>for every support task {@code a}: {@code A_a = head_a.project(graphs.x)} on all nodes of all
 *       levels (without gradient into the backbone), aligned for the main task: AR level-0 segment mean
 *       (clamped), OSCC level-0 segment mean, LTA level-0 per-clip max, PNR and MQ every row as is;</li>
 *   <li>{@code out_a = interact_a(A_a)} ({@link EgoPackInteraction});</li>
 *   <li>the main head fuses {@code mean_a(out_a)}: AR/OSCC add it to the aligned features, PNR adds
 *       {@code 0.01 *} it after the projection, LTA adds it to the pooled clip vectors, MQ averages
 *       {@code Projection(x)} with {@code Projection(out_a)} of every support task.</li>
 * </ol>
 * The main head reuses the single-task head's parameters (the reference's EgoPack heads have the same
 * keys). PNR as main task needs a one-level backbone output (the reference runs EgoPack-PNR with
 * {@code max_depth = 0}).
 *
 * @param weights the parameter store
 */
public record EgoPackForward(HierEgoPackWeights weights) {

    /**
     * @param backbone the backbone output
     * @param main the main task (its head must be in the model)
     * @param segments the main task's segments (AR, OSCC), else ignored (may be null)
     * @param context the MQ context rule (MQ main task), else ignored (may be null)
     * @return support features, interaction outputs, matches and the main head's outputs
     */
    public EgoPackOutput forward(final BackboneOutput backbone, final Task main, final Segments segments,
            final MqContext context) {
        final HierEgoPackConfig c = weights.config();
        if (!c.hasEgoPack()) {
            throw new IllegalArgumentException("the model has no EgoPack module");
        }
        if (!c.hasHead(main)) {
            throw new IllegalArgumentException("the model has no " + main + " head to use as EgoPack main task");
        }
        if (main == Task.PNR && backbone.levels().size() != 1) {
            throw new IllegalArgumentException("EgoPack with PNR as main task runs on one backbone level (the"
                    + " reference uses max_depth = 0), got " + backbone.levels().size() + " levels");
        }
        if ((main == Task.AR || main == Task.OSCC) && segments == null) {
            throw new IllegalArgumentException("EgoPack with " + main + " as main task needs segments");
        }
        final NDArray graphsX = backbone.graphsX().stopGradient();
        final Map<Task, NDArray> auxIn = new LinkedHashMap<>();
        final Map<Task, NDArray> auxOut = new LinkedHashMap<>();
        final Map<Task, List<long[]>> nearest = new LinkedHashMap<>();
        for (final Task a : c.egoPack().supportTasks()) {
            final NDArray projected = new Projection(weights, WeightModule.headOf(a)).forward(graphsX);
            final NDArray aligned = alignFor(main, projected, backbone, segments);
            final EgoPackInteraction.Result r = new EgoPackInteraction(weights, a).interact(aligned);
            auxIn.put(a, aligned);
            auxOut.put(a, r.output());
            nearest.put(a, r.nearest());
        }
        final NDList outs = new NDList();
        auxOut.values().forEach(outs::add);
        final NDArray auxMean = NDArrays.stack(outs, 0).mean(new int[] {0});
        final Map<String, NDArray> mainOut = switch (main) {
            case AR -> new ArHead(weights).forward(backbone, segments, auxMean).named();
            case OSCC -> new OsccHead(weights).forward(backbone, segments, auxMean).named();
            case PNR -> Map.of("logits", new PnrHead(weights).forward(backbone, auxMean));
            case LTA -> new LtaHead(weights).forward(backbone, auxMean).named();
            case MQ -> mq(backbone, auxOut, context == null ? MqContext.clip() : context).named();
        };
        return new EgoPackOutput(main, auxIn, auxOut, nearest, mainOut);
    }

    private MqOutput mq(final BackboneOutput backbone, final Map<Task, NDArray> auxOut, final MqContext context) {
        final MqHead head = new MqHead(weights);
        final NDList views = new NDList(head.project(backbone.graphsX()));
        auxOut.values().forEach(o -> views.add(head.project(o)));
        final NDArray fused = NDArrays.stack(views, 0).mean(new int[] {0});
        return head.fromProjected(fused, backbone, context);
    }

    /**
     * The main task's {@code align_for_egopack}.
     *
     * @param main the main task
     * @param projected support features of every node of every level {@code [sum N_d, F]}
     * @param backbone the backbone output
     * @param segments the main task's segments (AR, OSCC)
     * @return the aligned rows
     */
    static NDArray alignFor(final Task main, final NDArray projected, final BackboneOutput backbone,
            final Segments segments) {
        final BackboneLevel l0 = backbone.level0();
        final NDArray level0 = backbone.levels().size() == 1 ? projected
                : projected.get("0:" + l0.nodes().size());
        return switch (main) {
            case AR -> SegmentAlign.align(level0, l0.nodes(), segments, true, "AR");
            case OSCC -> SegmentAlign.align(level0, l0.nodes(), segments, false, "OSCC");
            case LTA -> LtaHead.maxPool(level0, l0.nodes());
            case PNR, MQ -> projected;
        };
    }
}
