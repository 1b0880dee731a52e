package io.egostream.model.incremental;

import io.egostream.model.schedule.NodeTiming;
import io.egostream.model.schedule.WindowPlan;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the incremental evaluator runs the heads on a live stream.
 *
 * @param timing node timestamps
 * @param windows window plan of each windowed head (AR, OSCC, PNR, LTA) the model has
 * @param mqContextSeconds W of the MQ context rule {@code trailing:W}, seconds
 * @param emitNodes whether every final backbone node is returned too (tests, debugging)
 * @param chunkFrames most frames of one camera processed per internal pass (sizes the rings), 1..64
 */
public record StreamingSettings(NodeTiming timing, Map<HeadKind, WindowPlan> windows, double mqContextSeconds,
        boolean emitNodes, int chunkFrames) {

    /** Validates and copies. */
    public StreamingSettings {
        if (timing == null || windows == null) {
            throw new IllegalArgumentException("streaming settings need a timing and window plans");
        }
        if (windows.containsKey(HeadKind.MQ)) {
            throw new IllegalArgumentException("MQ reads every node, it has no window plan");
        }
        if (!(mqContextSeconds > 0) || Double.isInfinite(mqContextSeconds)) {
            throw new IllegalArgumentException("mq context seconds must be a positive number, got " + mqContextSeconds);
        }
        if (chunkFrames < 1 || chunkFrames > 64) {
            throw new IllegalArgumentException("chunk frames must be in [1, 64], got " + chunkFrames);
        }
        windows = Map.copyOf(windows);
    }

    /**
     * The defaults of the product configuration ({@code window.*}): AR and OSCC 8 s every 2 s, PNR 16 nodes
     * every 4, LTA 16 s every 4 s, MQ context 480 s (the length of Ego4D MQ clips).
     *
     * @param timing node timing
     * @return the settings
     */
    public static StreamingSettings defaults(final NodeTiming timing) {
        final Map<HeadKind, WindowPlan> w = new EnumMap<>(HeadKind.class);
        w.put(HeadKind.AR, WindowPlan.ofSeconds(8.0, 2.0, timing));
        w.put(HeadKind.OSCC, WindowPlan.ofSeconds(8.0, 2.0, timing));
        w.put(HeadKind.PNR, new WindowPlan(16, 4, 16));
        w.put(HeadKind.LTA, WindowPlan.ofSeconds(16.0, 4.0, timing));
        return new StreamingSettings(timing, w, 480.0, false, 4);
    }

    /**
     * @param emit whether final backbone nodes are returned
     * @return a copy with that choice
     */
    public StreamingSettings withEmitNodes(final boolean emit) {
        return new StreamingSettings(timing, windows, mqContextSeconds, emit, chunkFrames);
    }

    /**
     * @param newWindows window plans
     * @param newMqContextSeconds MQ context W
     * @return a copy with those windows
     */
    public StreamingSettings withWindows(final Map<HeadKind, WindowPlan> newWindows, final double newMqContextSeconds) {
        return new StreamingSettings(timing, newWindows, newMqContextSeconds, emitNodes, chunkFrames);
    }

    /**
     * @param head a windowed head
     * @return its plan
     */
    public WindowPlan window(final HeadKind head) {
        final WindowPlan p = windows.get(head);
        if (p == null) {
            throw new IllegalArgumentException("no window plan for the " + head + " head");
        }
        return p;
    }
}
