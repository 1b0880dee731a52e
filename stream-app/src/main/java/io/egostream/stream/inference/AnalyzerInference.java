package io.egostream.stream.inference;

import io.egostream.model.domain.ModelRef;
import java.util.List;

/**
 * The model behind the analyzer, as the topology sees it. Each {@link #step} is one batched model call over the
 * new work of every camera of a stream task. Implementations keep only derived state (caches), which they rebuild
 * from {@link CameraWork#history()} when they meet a session they do not know (after a restart or rebalance), so
 * the results of a step depend only on the stored frames and the step's work: the same work gives the same
 * results. Not thread-safe: one instance per stream thread.
 */
public interface AnalyzerInference extends AutoCloseable {

    /**
     * The model events are stamped with.
     *
     * @return model id and version
     */
    ModelRef model();

    /**
     * Runs the model on the work of several camera sessions and returns every result that became computable:
     * the windows that end in the new frames, and, for closed sessions, their tail. MQ results are moment
     * candidates: the topology suppresses them with windowed NMS before it emits moments.
     *
     * @param work one entry per camera session with new frames or a close
     * @return the results, grouped by session in the order of {@code work}, windows in time order
     * @throws InferenceException when the model call fails
     */
    List<TaskResult> step(List<CameraWork> work);

    /**
     * How far back from a session's newest frame a moment candidate still to come may end: the commit horizon of
     * windowed NMS is this plus {@code nms.window-seconds} before the newest frame.
     *
     * @return seconds, &gt;= 0
     */
    double momentLagSeconds();

    /**
     * Forgets everything about a session (it closed, or its partition moved to another instance).
     *
     * @param session the camera session
     */
    void release(CameraSession session);

    /** Frees the model and its native memory. */
    @Override
    void close();
}
