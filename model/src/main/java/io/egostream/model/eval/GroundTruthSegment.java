package io.egostream.model.eval;

/**
 * One ground-truth action instance.
 *
 * @param videoId the video (or Ego4D clip) it belongs to
 * @param label its class, compared as a string
 * @param startSeconds start, finite
 * @param endSeconds end, finite
 */
public record GroundTruthSegment(String videoId, String label, double startSeconds, double endSeconds) {

    /** Validates every field. */
    public GroundTruthSegment {
        if (videoId == null || label == null) {
            throw new IllegalArgumentException("ground-truth video id and label must not be null, got " + videoId
                    + " and " + label);
        }
        if (!Double.isFinite(startSeconds) || !Double.isFinite(endSeconds)) {
            throw new IllegalArgumentException("ground-truth segment [" + startSeconds + ", " + endSeconds
                    + "] of video " + videoId + " must be finite");
        }
    }
}
