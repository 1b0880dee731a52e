package io.egostream.training.loss;

import java.util.Arrays;

/**
 * The ground-truth moments of one clip, in seconds from the clip start (the MQ sample's time base).
 *
 * @param starts start of each moment, s
 * @param ends end of each moment, s; {@code ends[i] > starts[i]}
 * @param labels class of each moment, {@code >= 0}
 */
public record MqGroundTruth(float[] starts, float[] ends, int[] labels) {

    /** Validates that the arrays agree and every moment has a positive length. */
    public MqGroundTruth {
        if (starts == null || ends == null || labels == null || starts.length != ends.length
                || starts.length != labels.length) {
            throw new IllegalArgumentException("starts, ends and labels must have one entry per moment, got "
                    + (starts == null ? "null" : starts.length) + ", " + (ends == null ? "null" : ends.length)
                    + " and " + (labels == null ? "null" : labels.length));
        }
        for (int i = 0; i < starts.length; i++) {
            if (!(ends[i] > starts[i]) || !Float.isFinite(starts[i]) || !Float.isFinite(ends[i])) {
                throw new IllegalArgumentException("moment " + i + " spans [" + starts[i] + ", " + ends[i]
                        + "] s; it needs a finite start before its end");
            }
            if (labels[i] < 0) {
                throw new IllegalArgumentException("moment " + i + " has label " + labels[i] + "; labels are >= 0");
            }
        }
        starts = starts.clone();
        ends = ends.clone();
        labels = labels.clone();
    }

    /** @return the number of moments */
    public int size() {
        return starts.length;
    }

    @Override
    public float[] starts() {
        return starts.clone();
    }

    @Override
    public float[] ends() {
        return ends.clone();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    float start(final int i) {
        return starts[i];
    }

    float end(final int i) {
        return ends[i];
    }

    int label(final int i) {
        return labels[i];
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof MqGroundTruth g && Arrays.equals(g.starts, starts) && Arrays.equals(g.ends, ends)
                && Arrays.equals(g.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(starts) + Arrays.hashCode(ends)) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "MqGroundTruth[" + starts.length + " moments]";
    }
}
