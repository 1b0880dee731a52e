package io.egostream.config;

import java.util.List;

/**
 * Group {@code window}: the sliding window each task reads from a camera's stream, and how long the
 * analyzer keeps a camera.
 *
 * @param framesPerSecond feature frames per second of a camera (1.875 for Ego4D: 16 video frames at 30 fps)
 * @param arWindowSeconds length of the action recognition window, s
 * @param arHopSeconds hop between action recognition windows, s
 * @param osccWindowSeconds length of the object state change window, s
 * @param osccHopSeconds hop between object state change windows, s
 * @param pnrWindowNodes length of the point-of-no-return window, frames (nodes)
 * @param pnrHopNodes hop between point-of-no-return windows, frames (nodes)
 * @param ltaObservedSeconds length of the observed window long-term anticipation reads, s
 * @param ltaHopSeconds hop between long-term anticipations, s
 * @param mqContextSeconds length of the trailing window whose node mean replaces MQ's clip mean, s
 * @param idleTimeoutMs a camera that sent nothing for this long is closed, ms
 * @param framesRetained frames kept per camera in the state store
 */
public record WindowConfig(
        double framesPerSecond,
        double arWindowSeconds,
        double arHopSeconds,
        double osccWindowSeconds,
        double osccHopSeconds,
        int pnrWindowNodes,
        int pnrHopNodes,
        double ltaObservedSeconds,
        double ltaHopSeconds,
        double mqContextSeconds,
        long idleTimeoutMs,
        int framesRetained) {

    /** {@code window.frames-per-second}. */
    public static final ConfigKey FRAMES_PER_SECOND = ConfigKey.ofPositiveDouble("window.frames-per-second", 0, 1000,
            "Feature frames per second of every camera: 1.875 for Ego4D EgoVLP (16 video frames at 30 fps).");
    /** {@code window.ar-window-seconds}. */
    public static final ConfigKey AR_WINDOW_SECONDS = ConfigKey.ofPositiveDouble("window.ar-window-seconds", 0, 3600,
            "Length of the action recognition (AR) window in seconds (Ego4D action clips are 8 s).");
    /** {@code window.ar-hop-seconds}. */
    public static final ConfigKey AR_HOP_SECONDS = ConfigKey.ofPositiveDouble("window.ar-hop-seconds", 0, 3600,
            "Seconds between two AR windows; at most the window length.");
    /** {@code window.oscc-window-seconds}. */
    public static final ConfigKey OSCC_WINDOW_SECONDS = ConfigKey.ofPositiveDouble("window.oscc-window-seconds", 0,
            3600, "Length of the object state change (OSCC) window in seconds (Ego4D OSCC samples are 8 s).");
    /** {@code window.oscc-hop-seconds}. */
    public static final ConfigKey OSCC_HOP_SECONDS = ConfigKey.ofPositiveDouble("window.oscc-hop-seconds", 0, 3600,
            "Seconds between two OSCC windows; at most the window length.");
    /** {@code window.pnr-window-nodes}. */
    public static final ConfigKey PNR_WINDOW_NODES = ConfigKey.ofInt("window.pnr-window-nodes", 2, 1024,
            "Length of the point-of-no-return (PNR) window in frames (the model reads exactly 16 nodes).");
    /** {@code window.pnr-hop-nodes}. */
    public static final ConfigKey PNR_HOP_NODES = ConfigKey.ofInt("window.pnr-hop-nodes", 1, 1024,
            "Frames between two PNR windows; at most the window length.");
    /** {@code window.lta-observed-seconds}. */
    public static final ConfigKey LTA_OBSERVED_SECONDS = ConfigKey.ofPositiveDouble("window.lta-observed-seconds",
            0, 3600, "Length of the observed window long-term anticipation (LTA) reads, in seconds "
                    + "(Ego4D observes 2 actions of about 8 s).");
    /** {@code window.lta-hop-seconds}. */
    public static final ConfigKey LTA_HOP_SECONDS = ConfigKey.ofPositiveDouble("window.lta-hop-seconds", 0, 3600,
            "Seconds between two LTA anticipations; at most the observed window length.");
    /** {@code window.mq-context-seconds}. */
    public static final ConfigKey MQ_CONTEXT_SECONDS = ConfigKey.ofPositiveDouble("window.mq-context-seconds", 0,
            86_400, "Seconds of the trailing window whose node mean (all levels) stands in for the moment "
                    + "query (MQ) clip mean; default: the 8-min length of Ego4D MQ clips.");
    /** {@code window.idle-timeout-ms}. */
    public static final ConfigKey IDLE_TIMEOUT_MS = ConfigKey.ofLong("window.idle-timeout-ms", 1_000, 86_400_000,
            "A camera that sends nothing for this many ms (stream time) is closed as if it sent end-of-stream.");
    /** {@code window.frames-retained}. */
    public static final ConfigKey FRAMES_RETAINED = ConfigKey.ofInt("window.frames-retained", 16, 1_000_000,
            "Frames kept per camera in the state store to rebuild the model's receptive field after a "
                    + "restore; at least the longest window in frames.");

    /** Validates every field, that hops do not exceed windows and that the store holds the longest window. */
    public WindowConfig {
        FRAMES_PER_SECOND.require(framesPerSecond);
        AR_WINDOW_SECONDS.require(arWindowSeconds);
        AR_HOP_SECONDS.require(arHopSeconds);
        OSCC_WINDOW_SECONDS.require(osccWindowSeconds);
        OSCC_HOP_SECONDS.require(osccHopSeconds);
        PNR_WINDOW_NODES.require(pnrWindowNodes);
        PNR_HOP_NODES.require(pnrHopNodes);
        LTA_OBSERVED_SECONDS.require(ltaObservedSeconds);
        LTA_HOP_SECONDS.require(ltaHopSeconds);
        MQ_CONTEXT_SECONDS.require(mqContextSeconds);
        IDLE_TIMEOUT_MS.require(idleTimeoutMs);
        FRAMES_RETAINED.require(framesRetained);
        hopWithinWindow(AR_HOP_SECONDS, arHopSeconds, AR_WINDOW_SECONDS, arWindowSeconds);
        hopWithinWindow(OSCC_HOP_SECONDS, osccHopSeconds, OSCC_WINDOW_SECONDS, osccWindowSeconds);
        hopWithinWindow(PNR_HOP_NODES, pnrHopNodes, PNR_WINDOW_NODES, pnrWindowNodes);
        hopWithinWindow(LTA_HOP_SECONDS, ltaHopSeconds, LTA_OBSERVED_SECONDS, ltaObservedSeconds);
        storeHoldsWindow(framesRetained, AR_WINDOW_SECONDS, nodes(arWindowSeconds, framesPerSecond));
        storeHoldsWindow(framesRetained, OSCC_WINDOW_SECONDS, nodes(osccWindowSeconds, framesPerSecond));
        storeHoldsWindow(framesRetained, PNR_WINDOW_NODES, pnrWindowNodes);
        storeHoldsWindow(framesRetained, LTA_OBSERVED_SECONDS, nodes(ltaObservedSeconds, framesPerSecond));
        storeHoldsWindow(framesRetained, MQ_CONTEXT_SECONDS, nodes(mqContextSeconds, framesPerSecond));
    }

    /**
     * The number of frames that cover a span, rounded up.
     *
     * @param seconds the span, s
     * @return ceil(seconds * frames per second), at least 1
     */
    public int nodesFor(final double seconds) {
        return nodes(seconds, framesPerSecond);
    }

    /**
     * The time between two frames.
     *
     * @return 1 / frames per second, s
     */
    public double frameStrideSeconds() {
        return 1.0 / framesPerSecond;
    }

    private static int nodes(final double seconds, final double framesPerSecond) {
        return (int) Math.max(1, Math.ceil(seconds * framesPerSecond - 1e-9));
    }

    private static void hopWithinWindow(final ConfigKey hopKey, final double hop, final ConfigKey windowKey,
            final double window) {
        if (hop > window) {
            throw new ConfigException(hopKey.name(), "Invalid value for " + hopKey.name() + ": " + hop
                    + ". Allowed: at most " + windowKey.name() + " (" + window + ").");
        }
    }

    private static void storeHoldsWindow(final int retained, final ConfigKey windowKey, final int windowNodes) {
        if (retained < windowNodes) {
            throw new ConfigException(FRAMES_RETAINED.name(), "Invalid value for " + FRAMES_RETAINED.name() + ": "
                    + retained + ". Allowed: at least the " + windowNodes + " frames of " + windowKey.name() + ".");
        }
    }

    static List<ConfigKey> keys() {
        return List.of(FRAMES_PER_SECOND, AR_WINDOW_SECONDS, AR_HOP_SECONDS, OSCC_WINDOW_SECONDS, OSCC_HOP_SECONDS,
                PNR_WINDOW_NODES, PNR_HOP_NODES, LTA_OBSERVED_SECONDS, LTA_HOP_SECONDS, MQ_CONTEXT_SECONDS,
                IDLE_TIMEOUT_MS, FRAMES_RETAINED);
    }

    static WindowConfig from(final ConfigValues v) {
        return new WindowConfig(v.doubleValue(FRAMES_PER_SECOND), v.doubleValue(AR_WINDOW_SECONDS),
                v.doubleValue(AR_HOP_SECONDS), v.doubleValue(OSCC_WINDOW_SECONDS), v.doubleValue(OSCC_HOP_SECONDS),
                v.intValue(PNR_WINDOW_NODES), v.intValue(PNR_HOP_NODES), v.doubleValue(LTA_OBSERVED_SECONDS),
                v.doubleValue(LTA_HOP_SECONDS), v.doubleValue(MQ_CONTEXT_SECONDS), v.longValue(IDLE_TIMEOUT_MS),
                v.intValue(FRAMES_RETAINED));
    }
}
