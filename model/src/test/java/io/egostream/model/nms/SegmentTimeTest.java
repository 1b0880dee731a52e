package io.egostream.model.nms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SegmentTimeTest {

    @Test
    void gridUnitsBecomeSecondsWithHalfAWindowOffset() {
        final Candidates grid = Candidates.of(new float[] {0, 10}, new float[] {2, 30}, new float[] {0.5f, 0.4f},
                new int[] {1, 2});
        final Candidates sec = SegmentTime.gridToSeconds(grid, 16, 32, 30);
        // (0*16 + 16) / 30, (10*16 + 16) / 30, (2*16 + 16) / 30, (30*16 + 16) / 30
        assertArrayEquals(new float[] {16f / 30f, 176f / 30f}, sec.starts());
        assertArrayEquals(new float[] {48f / 30f, 496f / 30f}, sec.ends());
        assertArrayEquals(new float[] {0.5f, 0.4f}, sec.scores());
        assertArrayEquals(new int[] {1, 2}, sec.labels());
    }

    @Test
    void boundsAreClampedToTheVideo() {
        final Candidates c = Candidates.of(new float[] {-1.5f, 0f, 3f}, new float[] {2f, 12f, 10f},
                new float[] {1, 1, 1}, new int[] {0, 0, 0});
        final Candidates clamped = SegmentTime.clampToDuration(c, 10.0);
        assertArrayEquals(new float[] {0f, 0f, 3f}, clamped.starts(), 0f);
        assertArrayEquals(new float[] {2f, 10f, 10f}, clamped.ends());
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(clamped.start(0)));
        assertThrows(IllegalArgumentException.class, () -> SegmentTime.clampToDuration(c, -1));
        assertThrows(IllegalArgumentException.class, () -> SegmentTime.gridToSeconds(c, 16, 32, 0));
    }
}
