package io.egostream.stream.inference;

import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.FutureAction;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.Task;
import java.util.List;
import java.util.Objects;

/**
 * One output of the model for one window (or one moment) of one camera session; the topology turns it into an
 * {@link io.egostream.model.domain.AnalyzerEvent}.
 *
 * @param session the camera session
 * @param task the task head that produced it
 * @param status final (never changes) or provisional
 * @param frames the frames it covers (for MQ: the frames the moment overlaps)
 * @param startSeconds start of the span in seconds from the session start (frame i spans [i, i+1) strides)
 * @param endSeconds end of the span in seconds from the session start
 * @param labels classes with scores, as {@link io.egostream.model.domain.AnalyzerEvent} describes per task
 * @param future LTA's anticipated actions (empty for other tasks)
 * @param keyframeIndex PNR's keyframe frame index, or -1 for other tasks
 * @param keyframeScore PNR's keyframe probability, in [0, 1] (0 for other tasks)
 */
public record TaskResult(CameraSession session, Task task, EventStatus status, FrameRange frames,
        double startSeconds, double endSeconds, List<LabelScore> labels, List<FutureAction> future,
        long keyframeIndex, double keyframeScore) {

    /** Validates the fields and copies the lists. */
    public TaskResult {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(frames, "frames");
        labels = List.copyOf(labels);
        future = List.copyOf(future);
        if (!(endSeconds >= startSeconds)) {
            throw new IllegalArgumentException(task + " result of " + session + " spans [" + startSeconds + ", "
                    + endSeconds + "] s; end must not precede start");
        }
        if ((task == Task.PNR) != (keyframeIndex >= 0)) {
            throw new IllegalArgumentException("only and every PNR result has a keyframe; got keyframe "
                    + keyframeIndex + " for " + task);
        }
    }
}
