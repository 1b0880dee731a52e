package io.egostream.model.nms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedMomentNmsTest {

    private final WindowedMomentNms nms = new WindowedMomentNms(NmsConfig.softGaussian(2.0, 0.001, 100));

    private static final List<WindowedMomentNms.Candidate> PENDING = List.of(
            new WindowedMomentNms.Candidate(0, 10, 0.9, 1),
            new WindowedMomentNms.Candidate(0, 9, 0.8, 1),     // tIoU 0.9 with the first: decayed
            new WindowedMomentNms.Candidate(20, 30, 0.7, 2),
            new WindowedMomentNms.Candidate(50, 60, 0.6, 1));

    @Test
    void settlesTheSurvivorsEndingBetweenTheHorizonsWithTheirSource() {
        final List<WindowedMomentNms.Settled> first = nms.settle(PENDING, Double.NEGATIVE_INFINITY, 31);
        assertEquals(List.of(0, 2, 1), first.stream().map(WindowedMomentNms.Settled::source).toList());
        assertEquals(0.9, first.get(0).score(), 1e-6);
        assertEquals(0.8 * Math.exp(-0.81 / 2.0), first.get(2).score(), 1e-5, "soft-NMS decay exp(-iou^2 / sigma)");
        final List<WindowedMomentNms.Settled> rest = nms.settle(PENDING, 31, Double.POSITIVE_INFINITY);
        assertEquals(List.of(3), rest.stream().map(WindowedMomentNms.Settled::source).toList());
    }

    @Test
    void nothingWhenTheHorizonDoesNotAdvance() {
        assertTrue(nms.settle(PENDING, 31, 31).isEmpty());
        assertTrue(nms.settle(List.of(), 0, 100).isEmpty());
    }
}
