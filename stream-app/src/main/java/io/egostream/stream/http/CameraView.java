package io.egostream.stream.http;

import io.egostream.stream.dashboard.CameraActivity;
import io.egostream.stream.dashboard.CameraStatus;
import io.egostream.stream.dashboard.DashboardSettings;
import io.egostream.stream.dashboard.LastEvent;

/**
 * One camera as the API shows it ({@code GET /api/cameras}).
 *
 * @param cameraId the camera
 * @param sessionId its current session
 * @param status {@code active}, {@code idle} or {@code closed}
 * @param framesPerSecond frames per second arriving now (0 unless active)
 * @param lagSeconds how far the analyzer trailed the camera when it took the newest frame, seconds
 * @param frames frames taken in the session
 * @param lastFrameIndex index of the newest frame, -1 before the first
 * @param lastFrameCaptureTimeMs capture time of the newest frame, ms since the Unix epoch (0 before the first)
 * @param lastSeenMs when the analyzer last heard of the camera, ms since the Unix epoch
 * @param lastEvent the newest event, or null
 * @param instance the analyzer instance that owns the camera ({@code host:port})
 */
public record CameraView(String cameraId, long sessionId, String status, double framesPerSecond, double lagSeconds,
        long frames, long lastFrameIndex, long lastFrameCaptureTimeMs, long lastSeenMs, LastEvent lastEvent,
        String instance) {

    /**
     * The view of a stored activity now.
     *
     * @param a the activity
     * @param nowMs the wall clock
     * @param settings when a camera is idle and closed
     * @param instance this instance's {@code host:port}
     * @return the view
     */
    public static CameraView of(final CameraActivity a, final long nowMs, final DashboardSettings settings,
            final String instance) {
        final CameraStatus status = CameraStatus.of(a, nowMs, settings);
        return new CameraView(a.cameraId(), a.sessionId(), status.apiName(),
                status == CameraStatus.ACTIVE ? a.framesPerSecond() : 0.0, a.lagSeconds(), a.frames(),
                a.lastFrameIndex(), a.lastCaptureTimeMs(), a.lastSeenMs(), a.lastEvent(), instance);
    }
}
