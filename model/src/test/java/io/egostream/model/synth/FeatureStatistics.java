package io.egostream.model.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Summary statistics of feature sequences, for the generator's tests. */
record FeatureStatistics(double mean, double std, double zeroFraction, double minimum, double medianNorm,
        double medianConsecutiveCosine) {

    static FeatureStatistics of(final List<float[][]> sequences) {
        double sum = 0;
        double sumSquares = 0;
        long zeros = 0;
        long count = 0;
        double minimum = Double.POSITIVE_INFINITY;
        final List<Double> norms = new ArrayList<>();
        final List<Double> cosines = new ArrayList<>();
        for (final float[][] frames : sequences) {
            for (int t = 0; t < frames.length; t++) {
                double normSquared = 0;
                for (final float v : frames[t]) {
                    sum += v;
                    sumSquares += (double) v * v;
                    zeros += v == 0f ? 1 : 0;
                    minimum = Math.min(minimum, v);
                    normSquared += (double) v * v;
                    count++;
                }
                norms.add(Math.sqrt(normSquared));
                if (t > 0) {
                    cosines.add(cosine(frames[t - 1], frames[t]));
                }
            }
        }
        final double mean = sum / count;
        return new FeatureStatistics(mean, Math.sqrt(sumSquares / count - mean * mean), (double) zeros / count,
                minimum, median(norms), median(cosines));
    }

    static double[] columnMeans(final List<float[]> frames) {
        final double[] mean = new double[frames.get(0).length];
        for (final float[] frame : frames) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += frame[d] / (double) frames.size();
            }
        }
        return mean;
    }

    private static double cosine(final float[] a, final float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += (double) a[d] * b[d];
            na += (double) a[d] * a[d];
            nb += (double) b[d] * b[d];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double median(final List<Double> values) {
        final double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
