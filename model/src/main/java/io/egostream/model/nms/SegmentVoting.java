package io.egostream.model.nms;

/**
 * Segment voting of class-agnostic NMS (reference {@code seg_voting}): every kept segment is replaced by the
 * mean of all pre-NMS segments weighted by {@code w_j = [iou_j >= threshold] * score_j * iou_j}, where
 * {@code iou} is the plain float32 tIoU (no 1e-6 epsilon). Scores do not change (the reference's
 * {@code score_offset} is computed and never used). The weighted sums are accumulated in double and
 * rounded to float32, where the reference uses a float32 matrix product; results agree to float32
 * rounding.
 */
final class SegmentVoting {

    private SegmentVoting() {
    }

    /**
     * Refines the kept segments.
     *
     * @param kept the segments after NMS
     * @param all the segments before NMS (voters)
     * @param threshold voting tIoU
     * @return the kept candidates with refined segments, same order, scores and labels
     */
    static Candidates refine(final Candidates kept, final Candidates all, final float threshold) {
        final int n = kept.size();
        final int m = all.size();
        final float[] starts = new float[n];
        final float[] ends = new float[n];
        final float[] weights = new float[m];
        for (int i = 0; i < n; i++) {
            final float ks = kept.start(i);
            final float ke = kept.end(i);
            final float klen = ke - ks;
            double sum = 0;
            for (int j = 0; j < m; j++) {
                final float as = all.start(j);
                final float ae = all.end(j);
                final float left = Math.max(ks, as);
                final float right = Math.min(ke, ae);
                final float inter = clampMinZero(right - left);
                final float iou = inter / (klen + (ae - as) - inter);
                final float w = (iou >= threshold ? 1f : 0f) * all.score(j) * iou;
                weights[j] = w;
                sum += w;
            }
            final float total = (float) sum;
            double s = 0;
            double e = 0;
            for (int j = 0; j < m; j++) {
                final float w = weights[j] / total;
                s += (double) w * all.start(j);
                e += (double) w * all.end(j);
            }
            starts[i] = (float) s;
            ends[i] = (float) e;
        }
        final float[] scores = new float[n];
        final int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = kept.score(i);
            labels[i] = kept.label(i);
        }
        return Candidates.wrap(starts, ends, scores, labels);
    }

    /** {@code torch.clamp(x, min=0)}: NaN stays NaN. */
    private static float clampMinZero(final float x) {
        return x < 0f ? 0f : x;
    }
}
