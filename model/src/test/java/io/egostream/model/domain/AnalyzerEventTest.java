package io.egostream.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerEventTest {

    private static final FrameRange FRAMES = new FrameRange(10, 25);
    private static final TimeRange TIME = new TimeRange(5.333, 13.867, 1_000, 9_533);
    private static final ModelRef MODEL = new ModelRef("hier-egopack-mtl", "0.1.0");
    private static final List<LabelScore> VERB = List.of(new LabelScore("verb", "take", 0, 0.7));

    private static AnalyzerEvent event(final Task task, final List<FutureAction> future, final Keyframe keyframe) {
        return new AnalyzerEvent("cam", 0, task, EventStatus.FINAL, FRAMES, TIME, VERB, future, keyframe, MODEL, 1L);
    }

    @Test
    void shouldAcceptOneEventPerTask() {
        final FutureAction step1 = new FutureAction(1, VERB.get(0), new LabelScore("noun", "knife", 3, 0.2));
        assertEquals(Task.AR, event(Task.AR, List.of(), null).task());
        assertEquals(Task.LTA, event(Task.LTA, List.of(step1), null).task());
        assertEquals(Task.PNR, event(Task.PNR, List.of(), new Keyframe(12, 6.4, 1_100, 0.9)).task());
    }

    @Test
    void taskSpecificPartsMustMatchTheTask() {
        final FutureAction step1 = new FutureAction(1, VERB.get(0), VERB.get(0));
        assertThrows(IllegalArgumentException.class, () -> event(Task.LTA, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> event(Task.AR, List.of(step1), null));
        assertThrows(IllegalArgumentException.class, () -> event(Task.PNR, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> event(Task.MQ, List.of(), new Keyframe(12, 6.4, 1_100, 0.9)));
        final IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> event(Task.PNR, List.of(), new Keyframe(30, 6.4, 1_100, 0.9)));
        assertTrue(outside.getMessage().contains("keyframe 30 lies outside"), outside.getMessage());
        final FutureAction step2 = new FutureAction(2, VERB.get(0), VERB.get(0));
        assertThrows(IllegalArgumentException.class, () -> event(Task.LTA, List.of(step2), null));
    }

    @Test
    void rangesAndScoresMustBeValid() {
        assertThrows(IllegalArgumentException.class, () -> new FrameRange(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(2.0, 1.0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(0.0, Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TimeRange(0.0, 1.0, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> new LabelScore("verb", "take", 0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new LabelScore("verb", "take", 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new LabelScore("Verb", "take", 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ModelRef("", "1"));
    }
}
