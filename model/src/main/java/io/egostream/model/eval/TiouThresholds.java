package io.egostream.model.eval;

import java.util.Arrays;

/**
 * The tIoU thresholds of a detection evaluation, in increasing or any given order. Generated the NumPy
 * {@code linspace} way, {@code start + i * ((stop - start) / (n - 1))} in double with the last value set to
 * {@code stop}, so {@code linspace(0.1, 0.5, 5)} contains 0.30000000000000004 (a tIoU of exactly 0.3 fails it)
 * and {@code linspace(0.3, 0.7, 5)} contains 0.39999999999999997.
 */
public final class TiouThresholds {

    /** Ego4D MQ and EPIC: {@code np.linspace(0.1, 0.5, 5)}. */
    public static final TiouThresholds EGO4D = linspace(0.1, 0.5, 5);
    /** THUMOS14: {@code np.linspace(0.3, 0.7, 5)}. */
    public static final TiouThresholds THUMOS = linspace(0.3, 0.7, 5);
    /** ActivityNet: {@code np.linspace(0.5, 0.95, 10)}. */
    public static final TiouThresholds ACTIVITYNET = linspace(0.5, 0.95, 10);
    /** The Ego4D MQ repository's default list {@code [0.1, 0.2, 0.3, 0.4, 0.5]} with a literal 0.3. */
    public static final TiouThresholds EGO4D_LITERAL = of(0.1, 0.2, 0.3, 0.4, 0.5);

    private final double[] values;

    private TiouThresholds(final double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("at least one tIoU threshold is needed");
        }
        for (final double v : values) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("tIoU threshold " + v + " is not in [0, 1]");
            }
        }
        this.values = values;
    }

    /**
     * Thresholds as {@code np.linspace(start, stop, n)}.
     *
     * @param start the first threshold, in [0, 1]
     * @param stop the last threshold, in [0, 1]
     * @param n how many, &gt;= 1
     * @return the thresholds
     */
    public static TiouThresholds linspace(final double start, final double stop, final int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tIoU threshold count must be >= 1, got " + n);
        }
        final double[] v = new double[n];
        if (n == 1) {
            v[0] = start;
        } else {
            final double step = (stop - start) / (n - 1);
            for (int i = 0; i < n; i++) {
                v[i] = i * step + start;
            }
            v[n - 1] = stop;
        }
        return new TiouThresholds(v);
    }

    /**
     * The given thresholds, as written.
     *
     * @param thresholds one or more values in [0, 1]
     * @return the thresholds
     */
    public static TiouThresholds of(final double... thresholds) {
        return new TiouThresholds(thresholds.clone());
    }

    /**
     * The thresholds.
     *
     * @return a copy
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * How many thresholds.
     *
     * @return &gt;= 1
     */
    public int size() {
        return values.length;
    }

    /**
     * Threshold {@code i}.
     *
     * @param i index
     * @return the threshold
     */
    public double get(final int i) {
        return values[i];
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof TiouThresholds && Arrays.equals(values, ((TiouThresholds) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
