package io.egostream.stream.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.FrameRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class MomentEmissionTest {

    private static MomentCandidate m(final double start, final double score, final int cls) {
        return new MomentCandidate(0, start, start + 2, score, cls, "m" + cls, new FrameRange(0, 3));
    }

    @Test
    void finalsKeepTheGivenOrderAboveTheScore() {
        final MomentEmission e = new MomentEmission(0.3, 8, 2);
        assertEquals(List.of(m(5, 0.3, 2), m(0, 0.9, 1)), e.finals(List.of(m(5, 0.3, 2), m(1, 0.29, 3),
                m(0, 0.9, 1))));
    }

    @Test
    void provisionalsAreTheBestTopKAboveTheScore() {
        final MomentEmission e = new MomentEmission(0.3, 8, 2);
        assertEquals(List.of(m(3, 0.8, 2), m(1, 0.5, 1)),
                e.provisionals(List.of(m(1, 0.5, 1), m(2, 0.1, 4), m(3, 0.8, 2), m(4, 0.4, 3))));
        assertEquals(List.of(m(1, 0.5, 1), m(4, 0.5, 3)),
                e.provisionals(List.of(m(4, 0.5, 3), m(1, 0.5, 1), m(6, 0.5, 5))), "ties: earlier start first");
    }

    @Test
    void provisionalsAreDueOncePerHop() {
        final MomentEmission e = new MomentEmission(0, 8, 1);
        assertTrue(e.provisionalDue(Double.NaN, 0.5));
        assertFalse(e.provisionalDue(10, 17.9));
        assertTrue(e.provisionalDue(10, 18));
        assertFalse(new MomentEmission(0, 0, 1).provisionalDue(Double.NaN, 100), "a zero hop emits none");
    }

    @Test
    void refusesOutOfRangeSettingsNamingThem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MomentEmission(1.5, 8, 1)).getMessage()
                .contains("minScore"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MomentEmission(0, -1, 1)).getMessage()
                .contains("provisionalHopSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MomentEmission(0, 8, 0)).getMessage()
                .contains("provisionalTopK"));
    }
}
