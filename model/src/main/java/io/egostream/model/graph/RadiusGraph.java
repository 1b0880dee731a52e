package io.egostream.model.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Radius edges as torch_cluster's {@code radius_graph(pos, r, batch, loop=False)} computes them
 * (reference-model.md): an edge {@code j -> i} when both nodes are in the same clip, {@code j != i} and
 * {@code (p_j - p_i)^2 < r^2}, a strict inequality evaluated in float32 (the difference and its square
 * rounded to float, {@code r^2} rounded once to float). For nodes 0.533 s apart and r = 2.0 this gives
 * index offsets +-1..3; positions rounded to milliseconds (LTA) or without the half-step (PNR) are
 * decided by the same float32 test, so no offset pattern is assumed.
 *
 * <p>Clips whose positions are non-decreasing are scanned outward from each node (O(n * degree)); any
 * other clip is compared pair by pair. torch_cluster caps a node at 32 neighbours; radii and spacings
 * that give more than 32 are not supported (they do not occur in the Hier-EgoPack configurations).
 */
public final class RadiusGraph {

    private RadiusGraph() {
    }

    /**
     * @param pos the positions to compare (already divided by {@code 2^level} where the model does so)
     * @param nodes the nodes, for their clip ranges
     * @param radius the radius {@code r}
     * @return the incoming edges of every node
     */
    public static Neighbourhood build(final float[] pos, final NodeSet nodes, final double radius) {
        if (pos.length != nodes.size()) {
            throw new IllegalArgumentException("pos has " + pos.length + " values for " + nodes.size() + " nodes");
        }
        final float r2 = (float) (radius * radius);
        final int[][] sources = new int[pos.length][];
        for (int c = 0; c < nodes.clips(); c++) {
            final int start = nodes.clipStart(c);
            final int end = nodes.clipEnd(c);
            final boolean sorted = isSorted(pos, start, end);
            for (int i = start; i < end; i++) {
                final List<Integer> s = new ArrayList<>();
                if (sorted) {
                    int lo = i;
                    while (lo - 1 >= start && within(pos[lo - 1], pos[i], r2)) {
                        lo--;
                    }
                    // equal positions further left are also within; the scan stops at the first miss only
                    // when distances grow monotonically, which non-decreasing positions guarantee
                    for (int j = lo; j < i; j++) {
                        s.add(j);
                    }
                    for (int j = i + 1; j < end && within(pos[j], pos[i], r2); j++) {
                        s.add(j);
                    }
                } else {
                    for (int j = start; j < end; j++) {
                        if (j != i && within(pos[j], pos[i], r2)) {
                            s.add(j);
                        }
                    }
                }
                sources[i] = s.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new Neighbourhood(sources);
    }

    /**
     * @param pj source position
     * @param pi target position
     * @param r2 squared radius (float)
     * @return whether {@code (pj - pi)^2 < r2} in float32
     */
    static boolean within(final float pj, final float pi, final float r2) {
        final float d = pj - pi;
        final float sq = d * d;
        return sq < r2;
    }

    private static boolean isSorted(final float[] pos, final int start, final int end) {
        for (int i = start + 1; i < end; i++) {
            if (pos[i] < pos[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param nodes the nodes
     * @param level the backbone level: positions are divided by {@code 2^level} (exactly, in float32)
     * @return {@code pos / 2^level} per node
     */
    public static float[] levelScaledPositions(final NodeSet nodes, final int level) {
        final float[] p = nodes.pos();
        final float scale = (float) Math.pow(2, level);
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i] / scale;
        }
        return p;
    }
}
