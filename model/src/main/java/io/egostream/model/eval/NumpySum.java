package io.egostream.model.eval;

/**
 * NumPy's pairwise summation of a contiguous float64 array ({@code np.sum}, {@code np.mean}): fewer than 8
 * values are added in order; up to 128 values are added in 8 interleaved partial sums combined as
 * {@code ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))} and then the remainder; longer arrays are split in two
 * halves (the first a multiple of 8 long) summed recursively. The result equals NumPy's bit for bit.
 */
public final class NumpySum {

    private static final int BLOCK = 128;
    private static final int UNROLL = 8;

    private NumpySum() {
    }

    /**
     * The sum as {@code np.sum}.
     *
     * @param values the values
     * @return their sum, 0 for none
     */
    public static double sum(final double[] values) {
        return pairwise(values, 0, values.length);
    }

    /**
     * The mean as {@code np.mean}: the pairwise sum divided by the count.
     *
     * @param values the values
     * @return their mean, NaN for none
     */
    public static double mean(final double[] values) {
        return sum(values) / values.length;
    }

    private static double pairwise(final double[] a, final int from, final int n) {
        if (n < UNROLL) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            final double[] r = new double[UNROLL];
            System.arraycopy(a, from, r, 0, UNROLL);
            int i = UNROLL;
            for (; i < n - (n % UNROLL); i += UNROLL) {
                for (int j = 0; j < UNROLL; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % UNROLL;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
