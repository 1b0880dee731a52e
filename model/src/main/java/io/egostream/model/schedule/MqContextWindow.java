package io.egostream.model.schedule;

/**
 * The trailing context window of the streaming MQ rule {@code trailing:W}: the context of a node at slot
 * (level-0 frame) {@code k} is the mean over the nodes of every level whose timestamp {@code p} satisfies
 * {@code pos(k) - W < p <= pos(k)}, compared in double on the float32 timestamps (as the offline
 * {@code MqContext.Trailing} does). Nodes of level {@code l} sit at slots that are multiples of
 * {@code 2^l}, so the window is the slot range {@code [low(k), k]}.
 *
 * @param timing node timestamps
 * @param windowSeconds W in seconds, positive
 */
public record MqContextWindow(NodeTiming timing, double windowSeconds) {

    /** Validates W. */
    public MqContextWindow {
        if (timing == null) {
            throw new IllegalArgumentException("MQ context window needs a node timing");
        }
        if (!(windowSeconds > 0) || Double.isInfinite(windowSeconds)) {
            throw new IllegalArgumentException("the MQ trailing context window must be a positive number of seconds,"
                    + " got " + windowSeconds);
        }
    }

    /**
     * @param slot a slot {@code k}
     * @param previousLow {@code low} of an earlier slot (0 if unknown): the search starts there
     * @return the first slot {@code m} with {@code pos(m) > pos(k) - W}
     */
    public long low(final long slot, final long previousLow) {
        final double bound = (double) timing.pos(slot) - windowSeconds;
        long m = Math.max(0, Math.min(previousLow, slot));
        while (m > 0 && (double) timing.pos(m - 1) > bound) {
            m--;
        }
        while (m < slot && !((double) timing.pos(m) > bound)) {
            m++;
        }
        return m;
    }

    /**
     * @param slot a slot
     * @param depth backbone levels
     * @param frames level-0 nodes that exist (slots {@code >= frames} hold no node)
     * @return how many nodes (over all levels) sit at that slot
     */
    public static int nodesAt(final long slot, final int depth, final long frames) {
        if (slot >= frames) {
            return 0;
        }
        int n = 1;
        for (int l = 1; l < depth && slot % (1L << l) == 0; l++) {
            n++;
        }
        return n;
    }
}
