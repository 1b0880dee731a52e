package io.egostream.stream.inference;

import io.egostream.config.EgoStreamConfig;
import io.egostream.config.WindowConfig;
import io.egostream.model.domain.Task;
import io.egostream.model.schedule.NodeTiming;
import io.egostream.model.schedule.WindowPlan;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The sliding window of every task over a camera's frames, from the {@code window} and {@code nms} configuration:
 * AR {@code ar-window-seconds}/{@code ar-hop-seconds}, OSCC {@code oscc-window-seconds}/{@code oscc-hop-seconds},
 * PNR {@code pnr-window-nodes}/{@code pnr-hop-nodes} (a PNR window always has exactly that many frames), LTA
 * {@code lta-observed-seconds}/{@code lta-hop-seconds}, and MQ non-overlapping windows of
 * {@code nms.window-seconds}.
 */
public final class TaskWindows {

    private final NodeTiming timing;
    private final Map<Task, WindowPlan> plans;

    private TaskWindows(final NodeTiming timing, final Map<Task, WindowPlan> plans) {
        this.timing = timing;
        this.plans = Collections.unmodifiableMap(plans);
    }

    /**
     * The windows of a configuration.
     *
     * @param config the configuration
     * @return the plans of the five tasks
     */
    public static TaskWindows from(final EgoStreamConfig config) {
        final WindowConfig w = config.window();
        final NodeTiming timing = timingOf(w.framesPerSecond());
        final Map<Task, WindowPlan> plans = new EnumMap<>(Task.class);
        plans.put(Task.AR, WindowPlan.ofSeconds(w.arWindowSeconds(), w.arHopSeconds(), timing));
        plans.put(Task.OSCC, WindowPlan.ofSeconds(w.osccWindowSeconds(), w.osccHopSeconds(), timing));
        plans.put(Task.PNR, new WindowPlan(w.pnrWindowNodes(), w.pnrHopNodes(), w.pnrWindowNodes()));
        plans.put(Task.LTA, WindowPlan.ofSeconds(w.ltaObservedSeconds(), w.ltaHopSeconds(), timing));
        final int mq = Math.max(1, (int) Math.round(config.nms().windowSeconds() / timing.secondsPerFrame()));
        plans.put(Task.MQ, new WindowPlan(mq, mq, 1));
        return new TaskWindows(timing, plans);
    }

    /**
     * Node timestamps at a frame rate: the Ego4D timing (16 video frames at 30 fps) at 1.875 frames/s, else one
     * node per frame stride.
     *
     * @param framesPerSecond feature frames per second
     * @return the timing
     */
    public static NodeTiming timingOf(final double framesPerSecond) {
        return Math.abs(framesPerSecond - 1.875) < 1e-12 ? NodeTiming.ego4d()
                : NodeTiming.ofFramesPerSecond(framesPerSecond);
    }

    /**
     * The node timing.
     *
     * @return timestamps of level-0 nodes
     */
    public NodeTiming timing() {
        return timing;
    }

    /**
     * The window plan of a task.
     *
     * @param task the task
     * @return its plan
     */
    public WindowPlan plan(final Task task) {
        return plans.get(task);
    }

    /**
     * Every task's plan.
     *
     * @return the plans by task
     */
    public Map<Task, WindowPlan> plans() {
        return plans;
    }

    /**
     * The longest window in frames: what the frame store must keep at least.
     *
     * @return the largest window length
     */
    public int longestWindow() {
        return plans.values().stream().mapToInt(WindowPlan::length).max().orElse(1);
    }
}
