package io.egostream.model.domain;

/**
 * The marker a camera sends when it closes a session on purpose. The analyzer then computes the tail of the
 * session with end-of-video rules, flushes pending moments and frees the camera's state, without waiting
 * for the idle timeout.
 *
 * @param cameraId the camera (see {@link CameraIds}); also the Kafka record key
 * @param sessionId the session being closed, &gt;= 0
 * @param frameCount how many frames the session sent (its last frame index + 1), &gt;= 0; lets the
 *     analyzer see frames that are still missing
 * @param captureTimeMs when the camera closed, in milliseconds since the Unix epoch, &gt;= 0
 */
public record EndOfStream(String cameraId, long sessionId, long frameCount, long captureTimeMs)
        implements CameraRecord {

    /** Validates every field. */
    public EndOfStream {
        CameraIds.requireValid(cameraId);
        if (sessionId < 0) {
            throw new IllegalArgumentException("session id must be >= 0, got " + sessionId);
        }
        if (frameCount < 0) {
            throw new IllegalArgumentException("frame count must be >= 0, got " + frameCount);
        }
        if (captureTimeMs < 0) {
            throw new IllegalArgumentException("capture time must be >= 0 ms, got " + captureTimeMs);
        }
    }
}
