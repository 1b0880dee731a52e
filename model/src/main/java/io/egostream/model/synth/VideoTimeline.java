package io.egostream.model.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The annotated actions of one video, ordered by start time.
 *
 * @param videoId the video, e.g. {@code P01_11}; not blank
 * @param durationSeconds the video length, s, finite, &gt; 0 and at least the end of every segment
 * @param segments its actions, sorted by start (then end, then id); may overlap
 */
public record VideoTimeline(String videoId, double durationSeconds, List<ActionSegment> segments) {

    /** Validates the fields, sorts and copies the segments. */
    public VideoTimeline {
        if (videoId == null || videoId.isBlank()) {
            throw new IllegalArgumentException("video id must not be blank, got '" + videoId + "'");
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
            throw new IllegalArgumentException("video " + videoId + " has duration " + durationSeconds
                    + " s; it must be finite and > 0");
        }
        final List<ActionSegment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(ActionSegment::startSeconds)
                .thenComparingDouble(ActionSegment::endSeconds)
                .thenComparing(ActionSegment::id));
        for (final ActionSegment segment : sorted) {
            if (segment.endSeconds() > durationSeconds + 1e-6) {
                throw new IllegalArgumentException("segment " + segment.id() + " of video " + videoId
                        + " ends at " + segment.endSeconds() + " s, after the video's end at "
                        + durationSeconds + " s");
            }
        }
        segments = List.copyOf(sorted);
    }

    /**
     * The segments that overlap a span.
     *
     * @param fromSeconds span start, s
     * @param toSeconds span end, s (exclusive)
     * @return the overlapping segments in timeline order
     */
    public List<ActionSegment> overlapping(final double fromSeconds, final double toSeconds) {
        final List<ActionSegment> found = new ArrayList<>();
        for (final ActionSegment segment : segments) {
            if (segment.startSeconds() >= toSeconds) {
                break;
            }
            if (segment.overlapSeconds(fromSeconds, toSeconds) > 0) {
                found.add(segment);
            }
        }
        return found;
    }

    /**
     * The number of whole frames of the video at a frame rate.
     *
     * @param framesPerSecond frames per second, &gt; 0 (1.875 for EgoVLP features)
     * @return floor(duration * frames per second), at least 1
     */
    public int frameCount(final double framesPerSecond) {
        return Math.max(1, (int) Math.floor(durationSeconds * framesPerSecond + 1e-9));
    }
}
