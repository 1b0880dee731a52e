package io.egostream.stream.serde;

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

/** One hand-built event per task, the same ones README shows. */
final class EventExamples {

    static final ModelRef MODEL = new ModelRef("hier-egopack-mtl", "0.1.0");
    static final long T0 = 1_718_000_000_000L;

    private EventExamples() {}

    static AnalyzerEvent ar() {
        return new AnalyzerEvent("kitchen-1", 0, Task.AR, EventStatus.PROVISIONAL, new FrameRange(120, 134),
                new TimeRange(64.0, 72.0, T0 + 64_000, T0 + 72_000),
                List.of(new LabelScore("verb", "cut", 12, 0.61), new LabelScore("verb", "take", 3, 0.17),
                        new LabelScore("noun", "onion", 301, 0.44), new LabelScore("noun", "knife", 249, 0.21)),
                List.of(), null, MODEL, T0 + 72_150);
    }

    static AnalyzerEvent oscc() {
        return new AnalyzerEvent("kitchen-1", 0, Task.OSCC, EventStatus.FINAL, new FrameRange(120, 134),
                new TimeRange(64.0, 72.0, T0 + 64_000, T0 + 72_000),
                List.of(new LabelScore("state_change", "yes", 1, 0.83)), List.of(), null, MODEL, T0 + 75_400);
    }

    static AnalyzerEvent pnr() {
        return new AnalyzerEvent("kitchen-1", 0, Task.PNR, EventStatus.FINAL, new FrameRange(120, 135),
                new TimeRange(64.0, 72.533, T0 + 64_000, T0 + 72_533),
                List.of(), List.of(), new Keyframe(127, 67.733, T0 + 67_733, 0.38), MODEL, T0 + 75_950);
    }

    static AnalyzerEvent lta() {
        final String[][] steps = {{"put", "14", "0.42", "knife", "249", "0.35"}, {"take", "3", "0.28", "pan", "320", "0.19"}};
        final List<FutureAction> future = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            future.add(new FutureAction(i + 1,
                    new LabelScore("verb", steps[i][0], Integer.parseInt(steps[i][1]), Double.parseDouble(steps[i][2])),
                    new LabelScore("noun", steps[i][3], Integer.parseInt(steps[i][4]), Double.parseDouble(steps[i][5]))));
        }
        return new AnalyzerEvent("kitchen-1", 0, Task.LTA, EventStatus.PROVISIONAL, new FrameRange(105, 134),
                new TimeRange(56.0, 72.0, T0 + 56_000, T0 + 72_000), List.of(), future, null, MODEL, T0 + 72_160);
    }

    static AnalyzerEvent mq() {
        return new AnalyzerEvent("kitchen-1", 0, Task.MQ, EventStatus.FINAL, new FrameRange(90, 151),
                new TimeRange(48.3, 81.1, T0 + 48_300, T0 + 81_100),
                List.of(new LabelScore("moment", "cut_dough", 17, 0.27)), List.of(), null, MODEL, T0 + 142_000);
    }

    static List<AnalyzerEvent> all() {
        return List.of(ar(), oscc(), pnr(), lta(), mq());
    }
}
