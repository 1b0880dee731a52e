package io.egostream.stream.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramWindowTest {

    // Buckets (0, 1], (1, 2], (2, 4], (4, +Inf) with 2, 6, 2, 0 observations.
    private final HistogramWindow h = new HistogramWindow(List.of(1.0, 2.0, 4.0), List.of(2L, 6L, 2L, 0L), 18.0, 10);

    @Test
    void quantilesInterpolateInsideTheBucketLikeHistogramQuantile() {
        assertEquals(1.5, h.quantile(0.5), 1e-12, "rank 5: 3 of the 6 in (1, 2]");
        assertEquals(0.5, h.quantile(0.1), 1e-12, "rank 1: half of the 2 in (0, 1]");
        assertEquals(3.9, h.quantile(0.99), 1e-12, "rank 9.9: 1.9 of the 2 in (2, 4], i.e. 2 + 2 * 1.9 / 2");
        assertEquals(1.8, h.mean(), 1e-12);
    }

    @Test
    void ranksAboveTheHighestBoundGetThatBound() {
        final HistogramWindow tail = new HistogramWindow(List.of(1.0), List.of(1L, 9L), 50, 10);
        assertEquals(1.0, tail.quantile(0.99));
    }

    @Test
    void emptyWindowsHaveNoQuantile() {
        assertTrue(Double.isNaN(HistogramWindow.empty().quantile(0.5)));
        assertTrue(Double.isNaN(HistogramWindow.empty().mean()));
        assertEquals(h, HistogramWindow.empty().plus(h));
    }

    @Test
    void windowsSubtractAndAdd() {
        final HistogramWindow later = new HistogramWindow(List.of(1.0, 2.0, 4.0), List.of(3L, 6L, 4L, 1L), 30.0, 14);
        final HistogramWindow diff = later.minus(h);
        assertEquals(List.of(1L, 0L, 2L, 1L), diff.counts());
        assertEquals(4, diff.count());
        assertEquals(12.0, diff.sum(), 1e-12);
        assertEquals(later, h.plus(diff));
        assertEquals(h, h.minus(later), "counts that went down (a restart) start anew");
    }

    @Test
    void mismatchedShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HistogramWindow(List.of(1.0), List.of(1L), 0, 1));
        final HistogramWindow other = new HistogramWindow(List.of(5.0), List.of(1L, 0L), 1, 1);
        assertThrows(IllegalArgumentException.class, () -> h.plus(other));
        assertThrows(IllegalArgumentException.class, () -> h.quantile(1.5));
    }
}
