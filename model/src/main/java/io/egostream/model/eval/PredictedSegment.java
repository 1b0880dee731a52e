package io.egostream.model.eval;

/**
 * One predicted action instance.
 *
 * @param videoId the video (or Ego4D clip) it belongs to
 * @param label its class, compared as a string
 * @param score its confidence, finite
 * @param startSeconds start, finite
 * @param endSeconds end, finite
 */
public record PredictedSegment(String videoId, String label, double score, double startSeconds,
        double endSeconds) {

    /** Validates every field. */
    public PredictedSegment {
        if (videoId == null || label == null) {
            throw new IllegalArgumentException("prediction video id and label must not be null, got " + videoId
                    + " and " + label);
        }
        if (!Double.isFinite(score) || !Double.isFinite(startSeconds) || !Double.isFinite(endSeconds)) {
            throw new IllegalArgumentException("prediction (score " + score + ", segment [" + startSeconds + ", "
                    + endSeconds + "]) of video " + videoId + " must be finite");
        }
    }
}
