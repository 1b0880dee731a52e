package io.egostream.model.nms;

import java.util.Arrays;

/**
 * The order of PyTorch's {@code Tensor.sort(descending=True)} on CPU, made stable: NaN first, then larger
 * scores first; equal scores keep their input order ({@code -0.0 == 0.0}). PyTorch's unstable CPU sort
 * gives this same order for up to 16 elements (insertion sort); for longer inputs its order among equal
 * scores is unspecified, and this class fixes it to the input order.
 */
final class ScoreOrder {

    private ScoreOrder() {
    }

    /**
     * The indices of {@code scores[0..n)} sorted as described.
     *
     * @param scores the keys
     * @param n how many of them
     * @return a permutation of {@code 0..n-1}
     */
    static int[] descending(final float[] scores, final int n) {
        final Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> compareDescending(scores[a], scores[b]));
        final int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** Negative when {@code a} sorts before {@code b}. */
    static int compareDescending(final float a, final float b) {
        final boolean nanA = Float.isNaN(a);
        final boolean nanB = Float.isNaN(b);
        if (nanA || nanB) {
            return nanA == nanB ? 0 : nanA ? -1 : 1;
        }
        return a > b ? -1 : a < b ? 1 : 0;
    }
}
