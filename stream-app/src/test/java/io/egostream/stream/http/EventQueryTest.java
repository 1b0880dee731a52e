package io.egostream.stream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.Task;
import io.egostream.stream.dashboard.TestEvents;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventQueryTest {

    @Test
    void defaultsAreEveryTaskSinceTheEpochNewest200() {
        final EventQuery q = EventQuery.parse(Map.<String, String>of()::get);
        assertEquals(0, q.sinceMs());
        assertEquals(EnumSet.allOf(Task.class), q.tasks());
        assertEquals(200, q.limit());
    }

    @Test
    void shouldReadTasksInAnyCaseAndRoundTripThroughTheQueryString() {
        final EventQuery q = EventQuery.parse(Map.of("since", "17", "task", "mq, Ar", "limit", "5")::get);
        assertEquals(EnumSet.of(Task.AR, Task.MQ), q.tasks());
        assertEquals("since=17&task=AR,MQ&limit=5", q.toQueryString());
        assertEquals(q, EventQuery.parse(Map.of("since", "17", "task", "AR,MQ", "limit", "5")::get));
    }

    @Test
    void acceptsEventsEmittedAfterSinceOfTheChosenTasks() {
        final EventQuery q = EventQuery.parse(Map.of("since", "100", "task", "AR")::get);
        assertTrue(q.accepts(TestEvents.event("c", Task.AR, EventStatus.FINAL, 0, 1, 101)));
        assertFalse(q.accepts(TestEvents.event("c", Task.AR, EventStatus.FINAL, 0, 1, 100)));
        assertFalse(q.accepts(TestEvents.event("c", Task.MQ, EventStatus.FINAL, 0, 1, 101)));
    }

    @Test
    void badValuesNameTheirParameter() {
        assertEquals("since", assertThrows(BadParameterException.class,
                () -> EventQuery.parse(Map.of("since", "soon")::get)).parameter());
        assertEquals("task", assertThrows(BadParameterException.class,
                () -> EventQuery.parse(Map.of("task", "")::get)).parameter());
        final BadParameterException limit = assertThrows(BadParameterException.class,
                () -> EventQuery.parse(Map.of("limit", "5000")::get));
        assertEquals("limit", limit.parameter());
        assertEquals("limit must be in [1, 1000], got 5000", limit.getMessage());
    }
}
