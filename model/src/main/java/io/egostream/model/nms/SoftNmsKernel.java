package io.egostream.model.nms;

/**
 * The reference {@code softnms_1d_cpu} kernel, float32, operation for operation: an in-place selection
 * sort that, for each position {@code i}, moves the best remaining score (strict {@code <}, so the first
 * maximum of the current, already swapped array wins) to {@code i}, records it, then decays every later
 * score and removes a segment whose score falls below {@code minScore} by moving the last live segment
 * into its place. The maximum is chosen before any {@code minScore} test, so one segment whose score is
 * below {@code minScore} from the start can survive (kept, as the reference does).
 */
final class SoftNmsKernel {

    /**
     * The kept segments in selection order.
     *
     * @param starts recorded starts {@code [n]}
     * @param ends recorded ends {@code [n]}
     * @param scores scores when selected (after decay) {@code [n]}
     * @param sourceIndices index of each kept segment in the input {@code [n]}
     */
    record Kept(float[] starts, float[] ends, float[] scores, int[] sourceIndices) {
        int size() {
            return starts.length;
        }
    }

    private SoftNmsKernel() {
    }

    /**
     * Runs the kernel.
     *
     * @param segStarts starts {@code [n]} (not modified)
     * @param segEnds ends {@code [n]} (not modified)
     * @param segScores scores {@code [n]} (not modified)
     * @param method 0 hard weights, 1 linear, 2 Gaussian
     * @param iouThreshold threshold of methods 0 and 1
     * @param sigma Gaussian decay
     * @param minScore removal threshold (strict {@code <})
     * @return the kept segments
     */
    static Kept run(final float[] segStarts, final float[] segEnds, final float[] segScores, final int method,
            final float iouThreshold, final float sigma, final float minScore) {
        int nsegs = segStarts.length;
        final float[] x1 = segStarts.clone();
        final float[] x2 = segEnds.clone();
        final float[] sc = segScores.clone();
        final float[] areas = new float[nsegs];
        final int[] inds = new int[nsegs];
        for (int i = 0; i < nsegs; i++) {
            areas[i] = Float32Ops.area(x1[i], x2[i]);
            inds[i] = i;
        }
        final float[] d1 = new float[nsegs];
        final float[] d2 = new float[nsegs];
        final float[] ds = new float[nsegs];

        for (int i = 0; i < nsegs; i++) {
            float maxScore = sc[i];
            int maxPos = i;
            for (int pos = i + 1; pos < nsegs; pos++) {
                if (maxScore < sc[pos]) {
                    maxScore = sc[pos];
                    maxPos = pos;
                }
            }
            final float ix1 = x1[maxPos];
            final float ix2 = x2[maxPos];
            final float iscore = sc[maxPos];
            final float iarea = areas[maxPos];
            final int iind = inds[maxPos];
            d1[i] = ix1;
            d2[i] = ix2;
            ds[i] = iscore;

            x1[maxPos] = x1[i];
            x2[maxPos] = x2[i];
            sc[maxPos] = sc[i];
            areas[maxPos] = areas[i];
            inds[maxPos] = inds[i];
            x1[i] = ix1;
            x2[i] = ix2;
            sc[i] = iscore;
            areas[i] = iarea;
            inds[i] = iind;

            int pos = i + 1;
            while (pos < nsegs) {
                final float ovr = Float32Ops.overlap(ix1, ix2, iarea, x1[pos], x2[pos], areas[pos]);
                float weight = 1f;
                if (method == 0) {
                    if (ovr >= iouThreshold) {
                        weight = 0f;
                    }
                } else if (method == 1) {
                    if (ovr >= iouThreshold) {
                        weight = 1f - ovr;
                    }
                } else if (method == 2) {
                    weight = Float32Ops.exp(-(ovr * ovr) / sigma);
                }
                sc[pos] *= weight;
                if (sc[pos] < minScore) {
                    final int last = nsegs - 1;
                    x1[pos] = x1[last];
                    x2[pos] = x2[last];
                    sc[pos] = sc[last];
                    areas[pos] = areas[last];
                    inds[pos] = inds[last];
                    nsegs = last;
                    pos = pos - 1;
                }
                pos = pos + 1;
            }
        }
        final float[] starts = new float[nsegs];
        final float[] ends = new float[nsegs];
        final float[] scores = new float[nsegs];
        final int[] kept = new int[nsegs];
        System.arraycopy(d1, 0, starts, 0, nsegs);
        System.arraycopy(d2, 0, ends, 0, nsegs);
        System.arraycopy(ds, 0, scores, 0, nsegs);
        System.arraycopy(inds, 0, kept, 0, nsegs);
        return new Kept(starts, ends, scores, kept);
    }
}
