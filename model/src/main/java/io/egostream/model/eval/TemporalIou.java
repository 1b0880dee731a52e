package io.egostream.model.eval;

/** Temporal intersection over union of two segments, in the two formulas the reference code uses. */
public final class TemporalIou {

    private TemporalIou() {
    }

    /**
     * ActivityNet {@code segment_iou}:
     * {@code inter = max(0, min(e1, e2) - max(s1, s2))}, {@code union = (e2 - s2) + (e1 - s1) - inter}.
     * Two zero-length segments give 0/0 = NaN, which the reference matching treats as a match.
     *
     * @param predStart prediction start
     * @param predEnd prediction end
     * @param gtStart ground-truth start
     * @param gtEnd ground-truth end
     * @return {@code inter / union}
     */
    public static double activityNet(final double predStart, final double predEnd, final double gtStart,
            final double gtEnd) {
        final double tt1 = Math.max(predStart, gtStart);
        final double tt2 = Math.min(predEnd, gtEnd);
        final double inter = Math.max(tt2 - tt1, 0.0);
        final double union = (gtEnd - gtStart) + (predEnd - predStart) - inter;
        return inter / union;
    }

    /**
     * Ego4D moment-retrieval {@code iou}: {@code inter = max(0, min(e) - max(s))},
     * {@code union = max(0, max(e) - min(s))}.
     *
     * @param predStart prediction start
     * @param predEnd prediction end
     * @param gtStart ground-truth start
     * @param gtEnd ground-truth end
     * @return {@code inter / union}
     */
    public static double retrieval(final double predStart, final double predEnd, final double gtStart,
            final double gtEnd) {
        final double inter = Math.max(0.0, Math.min(predEnd, gtEnd) - Math.max(predStart, gtStart));
        final double union = Math.max(0.0, Math.max(predEnd, gtEnd) - Math.min(predStart, gtStart));
        return 1.0 * inter / union;
    }
}
