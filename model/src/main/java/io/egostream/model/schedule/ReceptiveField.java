package io.egostream.model.schedule;

import java.util.List;

/**
 * How many of a camera's most recent frames a rebuilt evaluator needs so that everything it emits
 * afterwards (final nodes, provisional nodes, window heads, MQ outputs) equals what the uninterrupted
 * evaluator would emit: {@link #frames()}. A state rebuilt from frames {@code [s, t)} can compute exactly
 * the nodes whose inputs reach no lower than {@code s} ({@link Frontier#of} with {@code start = s}); at time
 * {@code t} the uninterrupted evaluator still needs, per level, every output from the first non-final one
 * (and the outputs the next pooled node reads), the level-0 nodes of every window not yet final, and the
 * nodes of the MQ context window of the first slot not yet classified. The bound is found by scanning
 * {@code t} over more than one period of the schedule and taking the largest {@code t - s}.
 *
 * @param depth backbone levels
 * @param offsets TDGC neighbours per side
 * @param windows the windowed heads' plans (empty if none)
 * @param mqContext the MQ context window, or null without an MQ head
 */
public record ReceptiveField(int depth, int offsets, List<WindowPlan> windows, MqContextWindow mqContext) {

    /** Copies the plan list. */
    public ReceptiveField {
        if (depth < 1 || offsets < 0) {
            throw new IllegalArgumentException("receptive field needs depth >= 1 and offsets >= 0, got " + depth + ", "
                    + offsets);
        }
        windows = List.copyOf(windows);
    }

    /**
     * The bound of the backbone alone, in frames: how far a level-{@code l} output looks ahead of its own slot,
     * {@code 2K (2^{l+1} - 1) + 2^l - 1} for the top level (model.md section 7).
     *
     * @return the look-ahead of the top level, in level-0 frames
     */
    public long topLevelLookAhead() {
        final int top = depth - 1;
        return 2L * offsets * ((1L << (top + 1)) - 1) + (1L << top) - 1;
    }

    /**
     * @return the number of most recent frames a rebuild needs (a camera with fewer frames is replayed whole)
     */
    public long frames() {
        final long mqWindow = cachedMqSpan();
        long maxWindow = 0;
        long maxHop = 1;
        for (final WindowPlan w : windows) {
            maxWindow = Math.max(maxWindow, w.length());
            maxHop = Math.max(maxHop, w.hop());
        }
        final long settle = 2 * topLevelLookAhead() + mqWindow + maxWindow + (4L << depth);
        final long period = (2L << depth) * maxHop;
        long worst = 0;
        for (long t = 1; t <= settle + period; t++) {
            worst = Math.max(worst, t - latestStart(t));
        }
        return worst;
    }

    private long cachedMqSpan() {
        if (mqContext == null) {
            return 0;
        }
        final long probe = 1L << 20;
        return probe - mqContext.low(probe, probe - (long) (mqContext.windowSeconds()
                / mqContext.timing().secondsPerFrame()));
    }

    /**
     * @param t frames sent
     * @return the largest first frame {@code s} a rebuild at time {@code t} may start from
     */
    public long latestStart(final long t) {
        final Frontier now = Frontier.of(depth, offsets, 0, t, false);
        final long mqLow = mqContext == null ? Long.MAX_VALUE
                : mqContext.low(now.completeSlots(), Math.max(0, now.completeSlots() - cachedMqSpan()));
        long lo = 0;
        long hi = t;
        while (lo < hi) {
            final long mid = (lo + hi + 1) >>> 1;
            if (suffices(now, mid, mqLow)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * @param now the frontier of the uninterrupted evaluator
     * @param start a candidate first frame
     * @param mqLow the first slot of the MQ context of the first slot not yet classified
     *     ({@link MqContextWindow#low}); ignored without an MQ head
     * @return whether a state rebuilt from {@code [start, now.frames())} emits the same from now on
     */
    boolean suffices(final Frontier now, final long start, final long mqLow) {
        if (start == 0) {
            return true;
        }
        final Frontier rebuilt = Frontier.of(depth, offsets, start, now.frames(), false);
        for (int l = 0; l < depth; l++) {
            long need = now.level(l).outHi();
            if (l + 1 < depth) {
                need = Math.min(need, Math.max(0, 2 * now.level(l + 1).inHi() - 1));
            }
            if (rebuilt.level(l).outLo() > need) {
                return false;
            }
        }
        for (final WindowPlan w : windows) {
            if (rebuilt.level(0).outLo() > w.firstNodeOfPending(now.level(0).outHi())) {
                return false;
            }
        }
        if (mqContext != null) {
            if (rebuilt.firstValidSlot() > mqLow) {
                return false;
            }
        }
        return true;
    }
}
