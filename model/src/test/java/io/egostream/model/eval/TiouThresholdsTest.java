package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TiouThresholdsTest {

    @Test
    void linspaceReproducesNumpyValues() {
        assertArrayEquals(new double[] {0.1, 0.2, 0.30000000000000004, 0.4, 0.5}, TiouThresholds.EGO4D.values());
        assertArrayEquals(new double[] {0.3, 0.39999999999999997, 0.5, 0.6, 0.7}, TiouThresholds.THUMOS.values());
        assertEquals(0.8999999999999999, TiouThresholds.ACTIVITYNET.get(8));
        assertEquals(0.95, TiouThresholds.ACTIVITYNET.get(9));
        assertArrayEquals(new double[] {0.5}, TiouThresholds.linspace(0.5, 0.9, 1).values());
        assertEquals(0.3, TiouThresholds.EGO4D_LITERAL.get(2));
    }

    @Test
    void rejectsBadValues() {
        assertEquals("tIoU threshold 1.2 is not in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> TiouThresholds.of(0.5, 1.2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TiouThresholds.linspace(0.1, 0.5, 0));
        assertThrows(IllegalArgumentException.class, TiouThresholds::of);
    }
}
