package io.egostream.stream.dashboard;

import io.egostream.config.EgoStreamConfig;

/**
 * How the dashboard's stores judge and keep cameras.
 *
 * @param idleAfterMs a camera silent for longer than this (wall clock) is idle
 * @param closeAfterMs a camera silent for longer than this is closed ({@code window.idle-timeout-ms}, the
 *     analyzer's own idle rule)
 * @param eventsPerTask newest events kept per camera and task in the timeline store
 * @param retainClosedMs a closed camera stays listed this long after its last record, then its entries are deleted
 */
public record DashboardSettings(long idleAfterMs, long closeAfterMs, int eventsPerTask, long retainClosedMs) {

    /** Newest events kept per camera and task. */
    public static final int EVENTS_PER_TASK = 40;
    /** How long a closed camera stays listed, ms. */
    public static final long RETAIN_CLOSED_MS = 10 * 60_000L;
    /** Silence after which a camera is idle, ms, unless five frame intervals are longer. */
    public static final long IDLE_AFTER_MS = 5_000;

    /** Validates the fields. */
    public DashboardSettings {
        if (idleAfterMs <= 0 || closeAfterMs < idleAfterMs || eventsPerTask < 1 || retainClosedMs < 0) {
            throw new IllegalArgumentException("dashboard settings need 0 < idle-after (" + idleAfterMs
                    + " ms) <= close-after (" + closeAfterMs + " ms), events per task >= 1 (" + eventsPerTask
                    + ") and retain-closed >= 0 (" + retainClosedMs + " ms)");
        }
    }

    /**
     * The settings of a configuration: idle after {@value #IDLE_AFTER_MS} ms or five frame intervals
     * ({@code window.frames-per-second}), whichever is longer; closed after {@code window.idle-timeout-ms}.
     *
     * @param config the configuration
     * @return the settings
     */
    public static DashboardSettings from(final EgoStreamConfig config) {
        final long fiveFrames = Math.round(5_000 / config.window().framesPerSecond());
        final long closeAfter = config.window().idleTimeoutMs();
        final long idleAfter = Math.min(closeAfter, Math.max(IDLE_AFTER_MS, fiveFrames));
        return new DashboardSettings(idleAfter, closeAfter, EVENTS_PER_TASK, RETAIN_CLOSED_MS);
    }
}
