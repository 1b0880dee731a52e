package io.egostream.model.domain;

/**
 * The point-of-no-return keyframe of a PNR event.
 *
 * @param frameIndex the frame at which the state change happens, &gt;= 0
 * @param timeSeconds its time in seconds from the session start, finite, &gt;= 0
 * @param captureTimeMs its capture time, ms since the Unix epoch, &gt;= 0
 * @param score the keyframe probability over the window's candidates, in [0, 1]
 */
public record Keyframe(long frameIndex, double timeSeconds, long captureTimeMs, double score) {

    /** Validates every field. */
    public Keyframe {
        if (frameIndex < 0 || captureTimeMs < 0 || !Double.isFinite(timeSeconds) || timeSeconds < 0) {
            throw new IllegalArgumentException("keyframe (frame " + frameIndex + ", " + timeSeconds + " s, "
                    + captureTimeMs + " ms) must have non-negative, finite fields");
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("keyframe score must be in [0, 1], got " + score);
        }
    }
}
