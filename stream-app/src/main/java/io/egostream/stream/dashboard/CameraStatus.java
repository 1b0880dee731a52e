package io.egostream.stream.dashboard;

import java.util.Locale;

/** Whether a camera sends frames, as the dashboard shows it. */
public enum CameraStatus {
    /** Frames arrive. */
    ACTIVE,
    /** The session is open but no frame arrived for a while (see {@link DashboardSettings#idleAfterMs()}). */
    IDLE,
    /** The session sent end-of-stream, or was silent longer than {@code window.idle-timeout-ms}. */
    CLOSED;

    /**
     * The status of a camera now.
     *
     * @param activity what is known of the camera
     * @param nowMs the wall clock, ms since the Unix epoch
     * @param settings when a camera counts as idle and as closed
     * @return the status
     */
    public static CameraStatus of(final CameraActivity activity, final long nowMs, final DashboardSettings settings) {
        if (activity.ended()) {
            return CLOSED;
        }
        final long silentMs = nowMs - activity.lastSeenMs();
        if (silentMs > settings.closeAfterMs()) {
            return CLOSED;
        }
        return silentMs > settings.idleAfterMs() ? IDLE : ACTIVE;
    }

    /**
     * The name the API and the metrics use.
     *
     * @return {@code active}, {@code idle} or {@code closed}
     */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
