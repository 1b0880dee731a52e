package io.egostream.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlanTest {

    @Test
    void regularWindowsThenATailCoveringTheLastNode() {
        final WindowPlan p = new WindowPlan(4, 2, 1);
        assertEquals(List.of(new NodeWindow(0, 3, false), new NodeWindow(2, 5, false), new NodeWindow(4, 7, false)),
                p.all(8));
        assertEquals(List.of(new NodeWindow(0, 3, false), new NodeWindow(2, 5, false), new NodeWindow(4, 7, false),
                new NodeWindow(5, 8, true)), p.all(9));
        assertEquals(List.of(new NodeWindow(0, 3, false), new NodeWindow(2, 5, false), new NodeWindow(3, 6, true)),
                p.all(7));
        assertNull(p.tail(6), "node 5 ends a regular window");
    }

    @Test
    void shortStreamsGetOneTailWindowUnlessTheHeadNeedsAFullWindow() {
        assertEquals(List.of(new NodeWindow(0, 2, true)), new WindowPlan(16, 4, 1).all(3));
        assertEquals(List.of(), new WindowPlan(16, 4, 16).all(15));
        assertEquals(List.of(new NodeWindow(0, 15, false)), new WindowPlan(16, 4, 16).all(16));
    }

    @Test
    void regularEndingInSelectsByLastNode() {
        final WindowPlan p = new WindowPlan(3, 1, 1);
        assertEquals(List.of(new NodeWindow(2, 4, false), new NodeWindow(3, 5, false)), p.regularEndingIn(4, 6));
        assertEquals(0, p.regularWindowsEndingBy(1));
        assertEquals(1, p.regularWindowsEndingBy(2));
    }

    @Test
    void secondsRoundToNodes() {
        final WindowPlan p = WindowPlan.ofSeconds(8.0, 2.0, NodeTiming.ego4d());
        assertEquals(15, p.length());
        assertEquals(4, p.hop());
    }

    @Test
    void rejectsHopLongerThanWindow() {
        assertThrows(IllegalArgumentException.class, () -> new WindowPlan(4, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new WindowPlan(0, 1, 1));
    }
}
