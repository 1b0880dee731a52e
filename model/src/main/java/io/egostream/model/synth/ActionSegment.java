package io.egostream.model.synth;

import java.util.Objects;

/**
 * One annotated action of a video: a verb and a noun over a time span. Spans of one video may overlap.
 *
 * @param id the annotation's id, e.g. {@code P01_11_0}; not blank
 * @param startSeconds start in seconds from the video start, finite, &gt;= 0
 * @param endSeconds end in seconds from the video start, &gt; startSeconds
 * @param verbClass verb class index, &gt;= 0 (EPIC-KITCHENS-100: 0..96)
 * @param nounClass noun class index, &gt;= 0 (EPIC-KITCHENS-100: 0..299)
 * @param narration the free-text narration, e.g. {@code take plate}; may be empty
 */
public record ActionSegment(
        String id, double startSeconds, double endSeconds, int verbClass, int nounClass, String narration) {

    /** Validates every field. */
    public ActionSegment {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("action segment id must not be blank, got '" + id + "'");
        }
        if (!Double.isFinite(startSeconds) || !Double.isFinite(endSeconds) || startSeconds < 0
                || endSeconds <= startSeconds) {
            throw new IllegalArgumentException("action segment " + id + " spans [" + startSeconds + ", "
                    + endSeconds + "] s; it needs 0 <= start < end, both finite");
        }
        if (verbClass < 0 || nounClass < 0) {
            throw new IllegalArgumentException("action segment " + id + " has verb class " + verbClass
                    + " and noun class " + nounClass + "; both must be >= 0");
        }
        Objects.requireNonNull(narration, "narration");
    }

    /**
     * The length of the span.
     *
     * @return endSeconds - startSeconds, s
     */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    /**
     * How long the segment overlaps a span.
     *
     * @param fromSeconds span start, s
     * @param toSeconds span end, s
     * @return the overlap in seconds, &gt;= 0
     */
    public double overlapSeconds(final double fromSeconds, final double toSeconds) {
        return Math.max(0.0, Math.min(endSeconds, toSeconds) - Math.max(startSeconds, fromSeconds));
    }
}
