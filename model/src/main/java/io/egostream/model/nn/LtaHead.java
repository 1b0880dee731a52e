package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.egostream.model.graph.Neighbourhood;
import io.egostream.model.graph.NodeSet;
import io.egostream.model.graph.RadiusGraph;
import io.egostream.model.graph.TdgcEdges;

/**
 * The LTA head ({@code LTATask}, {@code [projector, head.module_{0,2}, verb_classifier, noun_classifier]}):
 * project the level-0 nodes and max-pool each clip to one vector; repeat it K times as a chain with
 * positions {@code 0..K-1} and radius-2.5 edges (offsets +-1, +-2); {@code ReLU(TDGC)} twice (gate hidden
 * 256); K verb and K noun predictions per clip.
 *
 * <p>Deliberate difference from the reference: with several clips in one batch the reference builds its
 * chain graph from an unsorted batch vector, which links nodes of different clips; here each clip gets its
 * own chain, which is what the single-clip reference computes for each clip alone. Rows are clip-major
 * ({@code repeat_interleave}), as in the reference. With EgoPack, {@code mean_a(out_a)} is added to the
 * pooled clip vectors.
 *
 * @param weights the parameter store
 */
public record LtaHead(HierEgoPackWeights weights) {

    /** Radius of the LTA chain graph, in steps. */
    public static final double CHAIN_RADIUS = 2.5;

    /**
     * @param backbone the backbone output (level 0 is read)
     * @param auxMean EgoPack fusion term {@code [V, F]}, or null
     * @return K steps per clip
     */
    public LtaOutput forward(final BackboneOutput backbone, final NDArray auxMean) {
        final BackboneLevel l0 = backbone.level0();
        NDArray v = maxPool(new Projection(weights, WeightModule.HEAD_LTA).forward(l0.x()), l0.nodes());
        if (auxMean != null) {
            v = v.add(auxMean);
        }
        return fromClipFeatures(v);
    }

    /**
     * @param clipFeatures one vector per clip {@code [V, F]}
     * @return K steps per clip
     */
    public LtaOutput fromClipFeatures(final NDArray clipFeatures) {
        final int clips = (int) clipFeatures.getShape().get(0);
        final int k = weights.config().ltaSteps();
        final float[] pos = new float[clips * k];
        final long[] clip = new long[clips * k];
        final long[] index = new long[clips * k];
        for (int r = 0; r < pos.length; r++) {
            pos[r] = r % k;
            clip[r] = r / k;
            index[r] = r % k;
        }
        final NodeSet nodes = new NodeSet(pos, clip, index);
        final Neighbourhood g = RadiusGraph.build(pos, nodes, CHAIN_RADIUS);
        final TdgcEdges edges = TdgcEdges.of(g, pos);
        NDArray h = clipFeatures.repeat(0, k);
        h = Ops.relu(new Tdgc(weights, WeightModule.HEAD_LTA, "head.module_0").forward(h, edges));
        h = Ops.relu(new Tdgc(weights, WeightModule.HEAD_LTA, "head.module_2").forward(h, edges));
        return new LtaOutput(new Classifier(weights, WeightModule.HEAD_LTA, "verb_classifier").forward(h),
                new Classifier(weights, WeightModule.HEAD_LTA, "noun_classifier").forward(h), h);
    }

    /**
     * @param features node features {@code [N, F]}
     * @param nodes their nodes
     * @return the per-clip maximum {@code [V, F]} ({@code global_max_pool})
     */
    public static NDArray maxPool(final NDArray features, final NodeSet nodes) {
        final NDList rows = new NDList();
        for (int c = 0; c < nodes.clips(); c++) {
            rows.add(features.get(nodes.clipStart(c) + ":" + nodes.clipEnd(c)).max(new int[] {0}, true));
        }
        return rows.size() == 1 ? rows.get(0) : NDArrays.concat(rows, 0);
    }
}
