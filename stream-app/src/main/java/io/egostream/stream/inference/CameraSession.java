package io.egostream.stream.inference;

import io.egostream.model.domain.CameraIds;

/**
 * One session of one camera: frame indices restart at 0 in each session.
 *
 * @param cameraId the camera
 * @param sessionId the session, &gt;= 0
 */
public record CameraSession(String cameraId, long sessionId) {

    /** Validates both fields. */
    public CameraSession {
        CameraIds.requireValid(cameraId);
        if (sessionId < 0) {
            throw new IllegalArgumentException("session id must be >= 0, got " + sessionId);
        }
    }
}
