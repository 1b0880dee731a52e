package io.egostream.model.domain;

import java.util.List;
import java.util.Objects;

/**
 * One output of the analyzer for one window of one camera session. The Kafka record key is the camera id;
 * the topic is the task's output topic.
 *
 * <p>What each task fills in:
 * <ul>
 *   <li>AR: {@code labels} = top verbs (head {@code verb}) and top nouns (head {@code noun}), best first.</li>
 *   <li>OSCC: {@code labels} = one {@code state_change} label, {@code yes} (id 1) or {@code no} (id 0),
 *       with its probability.</li>
 *   <li>PNR: {@code keyframe} = the point of no return inside {@code frames}; {@code labels} may be empty.</li>
 *   <li>LTA: {@code future} = the anticipated next actions, one verb and noun per step; {@code labels}
 *       may be empty. {@code frames}/{@code time} are the observed window.</li>
 *   <li>MQ: {@code labels} = one {@code moment} label (the moment class); {@code time} is the moment's
 *       segment and {@code frames} the frames it covers.</li>
 * </ul>
 *
 * @param cameraId the camera (see {@link CameraIds})
 * @param sessionId the camera session, &gt;= 0
 * @param task the task that produced the event
 * @param status whether the event can still change
 * @param frames the frames the event covers
 * @param time the span the event covers
 * @param labels classes with scores (see above); never null
 * @param future LTA's anticipated actions, steps 1..n in order; empty for every other task
 * @param keyframe PNR's keyframe, inside {@code frames}; null for every other task
 * @param model the model that produced the event
 * @param emittedAtMs when the analyzer emitted the event, ms since the Unix epoch, &gt;= 0
 */
public record AnalyzerEvent(
        String cameraId,
        long sessionId,
        Task task,
        EventStatus status,
        FrameRange frames,
        TimeRange time,
        List<LabelScore> labels,
        List<FutureAction> future,
        Keyframe keyframe,
        ModelRef model,
        long emittedAtMs) {

    /** Validates every field and the task-specific parts; copies the lists. */
    public AnalyzerEvent {
        CameraIds.requireValid(cameraId);
        if (sessionId < 0) {
            throw new IllegalArgumentException("session id must be >= 0, got " + sessionId);
        }
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(model, "model");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        future = List.copyOf(Objects.requireNonNull(future, "future"));
        if (emittedAtMs < 0) {
            throw new IllegalArgumentException("emitted-at must be >= 0 ms, got " + emittedAtMs);
        }
        if ((task == Task.LTA) == future.isEmpty()) {
            throw new IllegalArgumentException(task == Task.LTA
                    ? "an LTA event needs at least one future action"
                    : "only LTA events carry future actions; got " + future.size() + " for " + task);
        }
        for (int i = 0; i < future.size(); i++) {
            if (future.get(i).step() != i + 1) {
                throw new IllegalArgumentException("future action " + i + " has step " + future.get(i).step()
                        + "; steps must be 1, 2, 3, ... in order");
            }
        }
        if ((task == Task.PNR) != (keyframe != null)) {
            throw new IllegalArgumentException(task == Task.PNR
                    ? "a PNR event needs a keyframe"
                    : "only PNR events carry a keyframe; got one for " + task);
        }
        if (keyframe != null && !frames.contains(keyframe.frameIndex())) {
            throw new IllegalArgumentException("keyframe " + keyframe.frameIndex() + " lies outside frames ["
                    + frames.first() + ", " + frames.last() + "]");
        }
    }
}
