package io.egostream.stream.dashboard;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.FutureAction;
import io.egostream.model.domain.Keyframe;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.domain.Task;
import io.egostream.model.domain.TimeRange;
import java.util.ArrayList;
import java.util.List;

/** Events for the dashboard tests: frame i spans [i, i + 1) * 0.5 s, captured at T0 + 500 ms * i. */
public final class TestEvents {

    /** Capture time of frame 0 of every session. */
    public static final long T0 = 1_700_000_000_000L;
    private static final ModelRef MODEL = new ModelRef("test-model", "1");

    private TestEvents() {}

    /**
     * An event of any task over frames [first, last].
     *
     * @param camera camera id
     * @param task task
     * @param status provisional or final
     * @param first first frame
     * @param last last frame
     * @param emittedAtMs emission time
     * @return the event
     */
    public static AnalyzerEvent event(final String camera, final Task task, final EventStatus status, final long first,
            final long last, final long emittedAtMs) {
        final TimeRange time = new TimeRange(first * 0.5, (last + 1) * 0.5, T0 + 500 * first, T0 + 500 * (last + 1));
        final List<LabelScore> labels = switch (task) {
            case AR -> List.of(new LabelScore("verb", "take", 3, 0.61), new LabelScore("noun", "cup", 12, 0.44));
            case OSCC -> List.of(new LabelScore("state_change", "yes", 1, 0.8));
            case MQ -> List.of(new LabelScore("moment", "use_phone", 7, 0.3));
            case PNR, LTA -> List.of();
        };
        final List<FutureAction> future = new ArrayList<>();
        if (task == Task.LTA) {
            for (int step = 1; step <= 4; step++) {
                future.add(new FutureAction(step, new LabelScore("verb", "wash", 9, 0.3),
                        new LabelScore("noun", "plate", 40, 0.2)));
            }
        }
        final Keyframe keyframe = task == Task.PNR ? new Keyframe(first + 1, (first + 1) * 0.5,
                T0 + 500 * (first + 1), 0.5) : null;
        return new AnalyzerEvent(camera, 0, task, status, new FrameRange(first, last), time, labels, future, keyframe,
                MODEL, emittedAtMs);
    }

    /**
     * A moment of a class over frames [first, last].
     *
     * @param camera camera id
     * @param classId moment class id
     * @param status provisional or final
     * @param first first frame
     * @param last last frame
     * @param emittedAtMs emission time
     * @return the moment
     */
    public static AnalyzerEvent moment(final String camera, final int classId, final EventStatus status,
            final long first, final long last, final long emittedAtMs) {
        return new AnalyzerEvent(camera, 0, Task.MQ, status, new FrameRange(first, last),
                new TimeRange(first * 0.5, (last + 1) * 0.5, T0 + 500 * first, T0 + 500 * (last + 1)),
                List.of(new LabelScore("moment", "class_" + classId, classId, 0.3)), List.of(), null, MODEL,
                emittedAtMs);
    }
}
