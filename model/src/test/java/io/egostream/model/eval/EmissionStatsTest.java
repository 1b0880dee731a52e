package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmissionStatsTest {

    private static final List<GroundTruthSegment> TRUTH = List.of(
            new GroundTruthSegment("v", "cut", 0, 10),
            new GroundTruthSegment("v", "take", 20, 30),
            new GroundTruthSegment("w", "cut", 0, 10));

    private static final List<PredictedSegment> PREDICTED = List.of(
            new PredictedSegment("v", "cut", 0.9, 0, 8),     // tIoU 0.8 with v/cut: hit
            new PredictedSegment("v", "cut", 0.6, 1, 9),     // tIoU 0.8 with the same segment: hit, nothing new found
            new PredictedSegment("v", "take", 0.5, 0, 8),    // wrong place: miss
            new PredictedSegment("w", "take", 0.2, 0, 10),   // wrong label: miss
            new PredictedSegment("w", "cut", 0.1, 0, 10));   // hit, below 0.2

    @Test
    void countsWhatAThresholdEmitsAndHowMuchOfItIsRight() {
        final EmissionStats all = EmissionStats.of(TRUTH, PREDICTED, 120, 0.1, 0.5);
        assertEquals(5, all.emitted());
        assertEquals(2.5, all.perMinute(), 1e-12);
        assertEquals(3.0 / 5, all.precision(), 1e-12);
        assertEquals(2.0 / 3, all.recall(), 1e-12);

        final EmissionStats high = EmissionStats.of(TRUTH, PREDICTED, 120, 0.55, 0.5);
        assertEquals(2, high.emitted());
        assertEquals(1.0, high.precision(), 1e-12);
        assertEquals(1.0 / 3, high.recall(), 1e-12);

        final EmissionStats none = EmissionStats.of(TRUTH, PREDICTED, 120, 0.95, 0.5);
        assertEquals(0, none.emitted());
        assertEquals(0, none.precision());
        assertEquals(0, none.recall());
    }

    @Test
    void aStricterOverlapMatchesLess() {
        assertEquals(0, EmissionStats.of(TRUTH, PREDICTED, 60, 0.55, 0.9).recall());
    }

    @Test
    void refusesANonPositiveDurationOrOverlap() {
        assertThrows(IllegalArgumentException.class, () -> EmissionStats.of(TRUTH, PREDICTED, 0, 0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> EmissionStats.of(TRUTH, PREDICTED, 60, 0.1, 0));
    }
}
