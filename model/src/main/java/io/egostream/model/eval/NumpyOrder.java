package io.egostream.model.eval;

import java.util.Arrays;

/**
 * Sorting indices by double keys in NumPy's order: NaN after every number, {@code -0.0 == 0.0}.
 */
final class NumpyOrder {

    private NumpyOrder() {
    }

    /** NumPy's ascending comparison: negative when {@code a} sorts before {@code b}. */
    static int compareAscending(final double a, final double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        final boolean nanA = Double.isNaN(a);
        final boolean nanB = Double.isNaN(b);
        return nanA == nanB ? 0 : nanA ? 1 : -1;
    }

    /**
     * The indices of {@code keys} in descending order (NaN first), equal keys ordered by {@code rule}.
     *
     * @param keys the keys
     * @param rule which of two equal keys comes first
     * @return a permutation of {@code 0..keys.length-1}
     */
    static int[] descending(final double[] keys, final TieRule rule) {
        final int n = keys.length;
        final Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (rule == TieRule.LATER_FIRST) {
            // reverse of a stable ascending sort: argsort()[::-1]
            Arrays.sort(idx, (a, b) -> compareAscending(keys[a], keys[b]));
            final int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = idx[n - 1 - i];
            }
            return out;
        }
        Arrays.sort(idx, (a, b) -> compareAscending(keys[b], keys[a]));
        final int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
