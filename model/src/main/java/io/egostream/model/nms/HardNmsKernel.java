package io.egostream.model.nms;

/**
 * The reference {@code nms_1d_cpu} kernel, float32: visit the segments by score, descending (the stable
 * order of {@link ScoreOrder}), and for every segment still selected drop each later selected segment
 * whose overlap with it is {@code >= iouThreshold}.
 */
final class HardNmsKernel {

    private HardNmsKernel() {
    }

    /**
     * Runs the kernel.
     *
     * @param x1 starts {@code [n]}
     * @param x2 ends {@code [n]}
     * @param scores scores {@code [n]}
     * @param iouThreshold suppression threshold
     * @return the input indices of the kept segments, in score order
     */
    static int[] run(final float[] x1, final float[] x2, final float[] scores, final float iouThreshold) {
        final int n = x1.length;
        if (n == 0) {
            return new int[0];
        }
        final float[] areas = new float[n];
        for (int i = 0; i < n; i++) {
            areas[i] = Float32Ops.area(x1[i], x2[i]);
        }
        final int[] order = ScoreOrder.descending(scores, n);
        final boolean[] dropped = new boolean[n];
        int kept = 0;
        for (int a = 0; a < n; a++) {
            if (dropped[a]) {
                continue;
            }
            kept++;
            final int i = order[a];
            for (int b = a + 1; b < n; b++) {
                if (dropped[b]) {
                    continue;
                }
                final int j = order[b];
                final float ovr = Float32Ops.overlap(x1[i], x2[i], areas[i], x1[j], x2[j], areas[j]);
                if (ovr >= iouThreshold) {
                    dropped[b] = true;
                }
            }
        }
        final int[] out = new int[kept];
        int k = 0;
        for (int a = 0; a < n; a++) {
            if (!dropped[a]) {
                out[k++] = order[a];
            }
        }
        return out;
    }
}
