package io.egostream.model.nms;

import java.util.Arrays;

/**
 * A list of temporal detections of one video, stored column-wise in float32 as the reference keeps them:
 * segment start and end (seconds or feature-grid units), score and class id. Immutable: every accessor
 * returns a copy or a single value.
 */
public final class Candidates {

    private static final Candidates EMPTY = new Candidates(new float[0], new float[0], new float[0], new int[0]);

    private final float[] starts;
    private final float[] ends;
    private final float[] scores;
    private final int[] labels;

    private Candidates(final float[] starts, final float[] ends, final float[] scores, final int[] labels) {
        this.starts = starts;
        this.ends = ends;
        this.scores = scores;
        this.labels = labels;
    }

    /**
     * Candidates from equally long columns (copied).
     *
     * @param starts segment starts {@code [n]}
     * @param ends segment ends {@code [n]}
     * @param scores scores {@code [n]}
     * @param labels class ids {@code [n]}
     * @return the candidates, in the given order
     * @throws IllegalArgumentException if a column is null or the lengths differ
     */
    public static Candidates of(final float[] starts, final float[] ends, final float[] scores, final int[] labels) {
        if (starts == null || ends == null || scores == null || labels == null) {
            throw new IllegalArgumentException("candidate columns must not be null");
        }
        if (ends.length != starts.length || scores.length != starts.length || labels.length != starts.length) {
            throw new IllegalArgumentException("candidate columns must be equally long, got starts " + starts.length
                    + ", ends " + ends.length + ", scores " + scores.length + ", labels " + labels.length);
        }
        return new Candidates(starts.clone(), ends.clone(), scores.clone(), labels.clone());
    }

    /**
     * No candidates.
     *
     * @return the empty list
     */
    public static Candidates empty() {
        return EMPTY;
    }

    /** Wraps arrays the caller hands over (no copy). */
    static Candidates wrap(final float[] starts, final float[] ends, final float[] scores, final int[] labels) {
        return new Candidates(starts, ends, scores, labels);
    }

    /**
     * A builder that appends one candidate at a time.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The number of candidates.
     *
     * @return n, &gt;= 0
     */
    public int size() {
        return starts.length;
    }

    /**
     * Start of candidate {@code i}.
     *
     * @param i index in [0, size)
     * @return the start
     */
    public float start(final int i) {
        return starts[i];
    }

    /**
     * End of candidate {@code i}.
     *
     * @param i index in [0, size)
     * @return the end
     */
    public float end(final int i) {
        return ends[i];
    }

    /**
     * Score of candidate {@code i}.
     *
     * @param i index in [0, size)
     * @return the score
     */
    public float score(final int i) {
        return scores[i];
    }

    /**
     * Class id of candidate {@code i}.
     *
     * @param i index in [0, size)
     * @return the class id
     */
    public int label(final int i) {
        return labels[i];
    }

    /**
     * The starts.
     *
     * @return a copy, {@code [n]}
     */
    public float[] starts() {
        return starts.clone();
    }

    /**
     * The ends.
     *
     * @return a copy, {@code [n]}
     */
    public float[] ends() {
        return ends.clone();
    }

    /**
     * The scores.
     *
     * @return a copy, {@code [n]}
     */
    public float[] scores() {
        return scores.clone();
    }

    /**
     * The class ids.
     *
     * @return a copy, {@code [n]}
     */
    public int[] labels() {
        return labels.clone();
    }

    /** The candidates at the given indices, in that order. */
    Candidates select(final int[] indices) {
        final int n = indices.length;
        final float[] s = new float[n];
        final float[] e = new float[n];
        final float[] sc = new float[n];
        final int[] l = new int[n];
        for (int k = 0; k < n; k++) {
            final int i = indices[k];
            s[k] = starts[i];
            e[k] = ends[i];
            sc[k] = scores[i];
            l[k] = labels[i];
        }
        return new Candidates(s, e, sc, l);
    }

    /** Direct column access for this package's kernels (never modified). */
    float[] startColumn() {
        return starts;
    }

    float[] endColumn() {
        return ends;
    }

    float[] scoreColumn() {
        return scores;
    }

    int[] labelColumn() {
        return labels;
    }

    /** The concatenation of the given lists, in order. */
    static Candidates concat(final Iterable<Candidates> parts) {
        final Builder b = new Builder();
        for (final Candidates c : parts) {
            for (int i = 0; i < c.size(); i++) {
                b.add(c.starts[i], c.ends[i], c.scores[i], c.labels[i]);
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof Candidates)) {
            return false;
        }
        final Candidates c = (Candidates) o;
        return Arrays.equals(starts, c.starts) && Arrays.equals(ends, c.ends) && Arrays.equals(scores, c.scores)
                && Arrays.equals(labels, c.labels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(starts) + Arrays.hashCode(ends)) + Arrays.hashCode(scores))
                + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder("Candidates[");
        for (int i = 0; i < size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('(').append(starts[i]).append(", ").append(ends[i]).append(", ").append(scores[i])
                    .append(", ").append(labels[i]).append(')');
        }
        return sb.append(']').toString();
    }

    /** Appends candidates one at a time. */
    public static final class Builder {
        private float[] starts = new float[16];
        private float[] ends = new float[16];
        private float[] scores = new float[16];
        private int[] labels = new int[16];
        private int n;

        private Builder() {
        }

        /**
         * Appends one candidate.
         *
         * @param start segment start
         * @param end segment end
         * @param score score
         * @param label class id
         * @return this builder
         */
        public Builder add(final float start, final float end, final float score, final int label) {
            if (n == starts.length) {
                final int cap = n * 2;
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
                scores = Arrays.copyOf(scores, cap);
                labels = Arrays.copyOf(labels, cap);
            }
            starts[n] = start;
            ends[n] = end;
            scores[n] = score;
            labels[n] = label;
            n++;
            return this;
        }

        /**
         * The candidates appended so far.
         *
         * @return the list, in append order
         */
        public Candidates build() {
            return new Candidates(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(scores, n),
                    Arrays.copyOf(labels, n));
        }
    }
}
