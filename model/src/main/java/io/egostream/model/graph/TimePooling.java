package io.egostream.model.graph;

/**
 * The backbone's {@code mean} time pooling (reference-model.md section 2): neighbours by <b>index</b>
 * ({@code radius_graph(indices, 1.5, loop=True)}: {@code i-1, i, i+1} in the clip) with the self-loop
 * counted twice by {@code avg_pool_neighbor_x}, so an interior node becomes
 * {@code (x[i-1] + 2 x[i] + x[i+1]) / 4}, a first or last node {@code (2 x[i] + x[i+-1]) / 3} and a lone
 * node itself; then the nodes with an even index are kept, with their original {@code pos} and
 * {@code index / 2}. A clip of n nodes keeps {@code ceil(n/2)}.
 */
public final class TimePooling {

    private final SlotPlan plan;
    private final NodeSet pooled;

    private TimePooling(final SlotPlan plan, final NodeSet pooled) {
        this.plan = plan;
        this.pooled = pooled;
    }

    /**
     * @param nodes the nodes of a level
     * @return the pooling of that level
     */
    public static TimePooling of(final NodeSet nodes) {
        int kept = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.index(i) % 2 == 0) {
                kept++;
            }
        }
        final int[] keep = new int[kept];
        final long[] newIndices = new long[kept];
        final long[] index = new long[3 * kept];
        final float[] coef = new float[3 * kept];
        int k = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.index(i) % 2 != 0) {
                continue;
            }
            keep[k] = i;
            newIndices[k] = nodes.index(i) / 2;
            final int c = (int) nodes.clip(i);
            final int prev = findIndex(nodes, c, i, nodes.index(i) - 1);
            final int next = findIndex(nodes, c, i, nodes.index(i) + 1);
            final float count = 2 + (prev >= 0 ? 1 : 0) + (next >= 0 ? 1 : 0);
            index[k] = i;
            coef[k] = 2 / count;
            if (prev >= 0) {
                index[kept + k] = prev;
                coef[kept + k] = 1 / count;
            }
            if (next >= 0) {
                index[2 * kept + k] = next;
                coef[2 * kept + k] = 1 / count;
            }
            k++;
        }
        return new TimePooling(new SlotPlan(3, kept, index, coef), nodes.subset(keep, newIndices));
    }

    /** The node of clip {@code c} with per-clip index {@code wanted}, looked up next to {@code i}; -1 if none. */
    private static int findIndex(final NodeSet nodes, final int c, final int i, final long wanted) {
        if (wanted < 0) {
            return -1;
        }
        for (final int j : new int[] {i - 1, i + 1}) {
            if (j >= nodes.clipStart(c) && j < nodes.clipEnd(c) && nodes.index(j) == wanted) {
                return j;
            }
        }
        for (int j = nodes.clipStart(c); j < nodes.clipEnd(c); j++) {
            if (nodes.index(j) == wanted) {
                return j;
            }
        }
        return -1;
    }

    /** @return the weighted gather that computes the kept nodes' pooled features, 3 slots */
    public SlotPlan plan() {
        return plan;
    }

    /** @return the nodes of the next level */
    public NodeSet pooled() {
        return pooled;
    }
}
