package io.egostream.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReceptiveFieldTest {

    @Test
    void depthOneBackboneNeedsFourKFrames() {
        // level-0 output t-7 is the first not final at time t; it reads inputs down to t-13
        assertEquals(12, new ReceptiveField(1, 3, List.of(), null).frames());
    }

    @Test
    void topLevelLookAheadMatchesTheModelSpec() {
        assertEquals(1657, new ReceptiveField(8, 3, List.of(), null).topLevelLookAhead());
        assertEquals(6, new ReceptiveField(1, 3, List.of(), null).topLevelLookAhead());
    }

    @Test
    void boundIsTightAndGrowsWithHeads() {
        final ReceptiveField backbone = new ReceptiveField(3, 3, List.of(), null);
        final ReceptiveField withHeads = new ReceptiveField(3, 3, List.of(new WindowPlan(30, 8, 1)),
                new MqContextWindow(NodeTiming.ego4d(), 20.0));
        final long n = backbone.frames();
        assertTrue(withHeads.frames() > n);
        // tight: some time needs exactly n frames
        boolean reached = false;
        for (long t = n; t < n + 64; t++) {
            reached |= t - backbone.latestStart(t) == n;
        }
        assertTrue(reached);
    }

    @Test
    void mqWindowLowIsTheFirstSlotInsideTheTrailingWindow() {
        final MqContextWindow w = new MqContextWindow(NodeTiming.ego4d(), 2.0);
        // pos(k) - 2.0 < pos(m)  <=>  m > k - 3.75
        assertEquals(7, w.low(10, 0));
        assertEquals(7, w.low(10, 10));
        assertEquals(0, w.low(2, 5));
        assertEquals(4, MqContextWindow.nodesAt(8, 4, 100));
        assertEquals(1, MqContextWindow.nodesAt(9, 4, 100));
        assertEquals(0, MqContextWindow.nodesAt(100, 4, 100));
    }
}
