package io.egostream.model.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * The edges of one TDGC call in slot form (reference-model.md, TDGC): for edge {@code j -> i},
 * {@code delta = pos_j - pos_i} in float32 on the raw timestamps (seconds, never divided by 2^level), the
 * message coefficient {@code sign(delta) / deg(i)} (mean aggregation; a node without edges aggregates 0),
 * and the index of {@code |delta|} among the distinct distances, so the gate MLP runs once per distinct
 * distance (six per level for evenly spaced nodes) instead of once per edge. Immutable.
 */
public final class TdgcEdges {

    private final SlotPlan plan;
    private final long[] distanceIndex;
    private final float[] distances;

    private TdgcEdges(final SlotPlan plan, final long[] distanceIndex, final float[] distances) {
        this.plan = plan;
        this.distanceIndex = distanceIndex;
        this.distances = distances;
    }

    /**
     * @param graph incoming edges per node
     * @param pos raw node timestamps in seconds (the gate input)
     * @return the slot form
     */
    public static TdgcEdges of(final Neighbourhood graph, final float[] pos) {
        final int n = graph.size();
        final int slots = graph.maxDegree();
        final long[] index = new long[slots * n];
        final float[] coef = new float[slots * n];
        final long[] dIndex = new long[slots * n];
        final Map<Integer, Integer> distinct = new HashMap<>();
        final float[] values = new float[Math.max(1, graph.edges())];
        for (int i = 0; i < n; i++) {
            final int[] src = graph.sources(i);
            for (int s = 0; s < src.length; s++) {
                final int j = src[s];
                final float delta = pos[j] - pos[i];
                final float abs = Math.abs(delta);
                final int bits = Float.floatToIntBits(abs == 0f ? 0f : abs);
                Integer u = distinct.get(bits);
                if (u == null) {
                    u = distinct.size();
                    distinct.put(bits, u);
                    values[u] = abs;
                }
                index[s * n + i] = j;
                coef[s * n + i] = Math.signum(delta) / src.length;
                dIndex[s * n + i] = u;
            }
        }
        final float[] d = new float[distinct.size()];
        System.arraycopy(values, 0, d, 0, d.length);
        return new TdgcEdges(new SlotPlan(slots, n, index, coef), dIndex, d);
    }

    /** @return the gather of neighbour messages with coefficients {@code sign / degree} */
    public SlotPlan plan() {
        return plan;
    }

    /** @return for each (slot, node), the index into {@link #distances()}, slot-major */
    public long[] distanceIndex() {
        return distanceIndex.clone();
    }

    /** @return the distinct {@code |delta|} values in seconds */
    public float[] distances() {
        return distances.clone();
    }
}
