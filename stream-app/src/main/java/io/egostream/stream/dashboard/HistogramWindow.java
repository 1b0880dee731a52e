package io.egostream.stream.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Observations of one classic histogram over a time window (or since start): per-bucket counts, not cumulative.
 *
 * @param upperBounds the finite bucket upper bounds, ascending
 * @param counts observations per bucket: {@code counts[i]} in (upperBounds[i-1], upperBounds[i]], and one more
 *     entry for the values above the highest bound; size = upperBounds.size() + 1
 * @param sum sum of the observed values
 * @param count number of observations (the sum of counts)
 */
public record HistogramWindow(List<Double> upperBounds, List<Long> counts, double sum, long count) {

    /** Validates the sizes; copies. */
    public HistogramWindow {
        upperBounds = List.copyOf(upperBounds);
        counts = List.copyOf(counts);
        if (counts.size() != upperBounds.size() + 1) {
            throw new IllegalArgumentException("a histogram with " + upperBounds.size() + " finite bounds needs "
                    + (upperBounds.size() + 1) + " bucket counts, got " + counts.size());
        }
    }

    /**
     * No observation, no buckets.
     *
     * @return the empty histogram
     */
    public static HistogramWindow empty() {
        return new HistogramWindow(List.of(), List.of(0L), 0.0, 0);
    }

    /**
     * This histogram minus an earlier state of the same histogram (the observations in between).
     *
     * @param earlier the earlier state (empty, or the same bounds)
     * @return the difference; this histogram itself when the bounds differ or counts went down (a restart)
     */
    public HistogramWindow minus(final HistogramWindow earlier) {
        if (!earlier.upperBounds.equals(upperBounds) || earlier.count > count) {
            return this;
        }
        final List<Long> diff = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            diff.add(Math.max(0, counts.get(i) - earlier.counts.get(i)));
        }
        return new HistogramWindow(upperBounds, diff, sum - earlier.sum, count - earlier.count);
    }

    /**
     * The observations of both (two instances' windows).
     *
     * @param other another histogram with the same bounds, or an empty one
     * @return the sum
     * @throws IllegalArgumentException when both have observations and their bounds differ
     */
    public HistogramWindow plus(final HistogramWindow other) {
        if (other.upperBounds.isEmpty() && other.count == 0) {
            return this;
        }
        if (upperBounds.isEmpty() && count == 0) {
            return other;
        }
        if (!other.upperBounds.equals(upperBounds)) {
            throw new IllegalArgumentException("cannot add histograms with bounds " + upperBounds + " and "
                    + other.upperBounds);
        }
        final List<Long> total = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            total.add(counts.get(i) + other.counts.get(i));
        }
        return new HistogramWindow(upperBounds, total, sum + other.sum, count + other.count);
    }

    /**
     * The q-quantile as Prometheus' {@code histogram_quantile} estimates it: linear inside the bucket that holds
     * the rank, the lowest bucket starting at 0, and the highest finite bound for ranks above it.
     *
     * @param q in [0, 1]
     * @return the estimate, NaN without observations
     */
    public double quantile(final double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        if (count == 0) {
            return Double.NaN;
        }
        final double rank = q * count;
        long below = 0;
        for (int i = 0; i < upperBounds.size(); i++) {
            final long inBucket = counts.get(i);
            if (below + inBucket >= rank && inBucket > 0) {
                final double lower = i == 0 ? 0.0 : upperBounds.get(i - 1);
                return lower + (upperBounds.get(i) - lower) * (rank - below) / inBucket;
            }
            below += inBucket;
        }
        return upperBounds.isEmpty() ? Double.NaN : upperBounds.get(upperBounds.size() - 1);
    }

    /**
     * The mean observation.
     *
     * @return sum / count, NaN without observations
     */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }
}
