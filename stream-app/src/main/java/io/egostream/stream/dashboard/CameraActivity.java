package io.egostream.stream.dashboard;

import io.egostream.model.domain.CameraIds;

/**
 * What the dashboard knows of one camera (store {@code camera-activity}, key = camera id). Times are ms since the
 * Unix epoch; "seen" times are the analyzer's wall clock when it took the record.
 *
 * @param cameraId the camera
 * @param sessionId its current session
 * @param frames frames taken in the current session
 * @param lastFrameIndex index of the newest frame, -1 before the first
 * @param lastCaptureTimeMs capture time of the newest frame (or end-of-stream marker)
 * @param lastSeenMs when the newest frame (or end-of-stream marker) was taken
 * @param rateWindowStartMs start of the current frame-rate window
 * @param rateWindowFrames frames taken since {@code rateWindowStartMs}
 * @param framesPerSecond frame rate over the last complete window (at least {@link #RATE_WINDOW_MS} long)
 * @param ended whether the current session sent its end-of-stream marker
 * @param lastEvent the newest event emitted for the camera, or null
 */
public record CameraActivity(String cameraId, long sessionId, long frames, long lastFrameIndex,
        long lastCaptureTimeMs, long lastSeenMs, long rateWindowStartMs, long rateWindowFrames,
        double framesPerSecond, boolean ended, LastEvent lastEvent) {

    /** Shortest window over which the frame rate is measured, ms. */
    public static final long RATE_WINDOW_MS = 5_000;

    /** Validates the fields. */
    public CameraActivity {
        CameraIds.requireValid(cameraId);
        if (sessionId < 0 || frames < 0 || lastFrameIndex < -1 || rateWindowFrames < 0) {
            throw new IllegalArgumentException("camera activity of '" + cameraId + "' has a negative field: session "
                    + sessionId + ", frames " + frames + ", last frame " + lastFrameIndex + ", window frames "
                    + rateWindowFrames);
        }
        if (!(framesPerSecond >= 0) || Double.isInfinite(framesPerSecond)) {
            throw new IllegalArgumentException("frame rate of '" + cameraId + "' must be finite and >= 0, got "
                    + framesPerSecond);
        }
    }

    /**
     * A camera known only from an event (its frames were not seen yet, e.g. right after a restore).
     *
     * @param cameraId the camera
     * @param sessionId the event's session
     * @param nowMs when the event was taken (counts as the camera's last sign of life)
     * @return an activity with no frames
     */
    public static CameraActivity unseen(final String cameraId, final long sessionId, final long nowMs) {
        return new CameraActivity(cameraId, sessionId, 0, -1, 0, nowMs, 0, 0, 0.0, false, null);
    }

    /**
     * After one frame was taken. A frame of a newer session starts the counts anew.
     *
     * @param session the frame's session
     * @param frameIndex its index
     * @param captureTimeMs its capture time
     * @param nowMs when it was taken
     * @return the new activity
     */
    public CameraActivity withFrame(final long session, final long frameIndex, final long captureTimeMs,
            final long nowMs) {
        final boolean newSession = session != sessionId || ended;
        final long windowStart = newSession || rateWindowStartMs == 0 ? nowMs : rateWindowStartMs;
        long windowFrames = (newSession ? 0 : rateWindowFrames) + 1;
        double rate = newSession ? 0.0 : framesPerSecond;
        long nextWindowStart = windowStart;
        if (nowMs - windowStart >= RATE_WINDOW_MS) {
            rate = (windowFrames - 1) * 1000.0 / (nowMs - windowStart);
            nextWindowStart = nowMs;
            windowFrames = 1;
        }
        return new CameraActivity(cameraId, session, (newSession ? 0 : frames) + 1, frameIndex, captureTimeMs,
                nowMs, nextWindowStart, windowFrames, rate, false, newSession ? null : lastEvent);
    }

    /**
     * After the session's end-of-stream marker.
     *
     * @param captureTimeMs the marker's capture time
     * @param nowMs when it was taken
     * @return the new activity
     */
    public CameraActivity withEnd(final long captureTimeMs, final long nowMs) {
        return new CameraActivity(cameraId, sessionId, frames, lastFrameIndex, captureTimeMs, nowMs,
                rateWindowStartMs, rateWindowFrames, framesPerSecond, true, lastEvent);
    }

    /**
     * After an event was emitted.
     *
     * @param event its summary
     * @return the new activity
     */
    public CameraActivity withEvent(final LastEvent event) {
        return new CameraActivity(cameraId, sessionId, frames, lastFrameIndex, lastCaptureTimeMs, lastSeenMs,
                rateWindowStartMs, rateWindowFrames, framesPerSecond, ended, event);
    }

    /**
     * How far the analyzer trailed the camera when it took the newest frame.
     *
     * @return seen time minus capture time of the newest frame, seconds (0 before the first frame)
     */
    public double lagSeconds() {
        return lastSeenMs == 0 || lastFrameIndex < 0 ? 0.0 : Math.max(0, lastSeenMs - lastCaptureTimeMs) / 1000.0;
    }
}
