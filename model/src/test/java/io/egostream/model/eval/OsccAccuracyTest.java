package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OsccAccuracyTest {

    private static final double[][] LOGITS = {{1, 2}, {3, 3}, {0, 1}, {5, 1}};
    private static final int[] LABELS = {1, 0, -1, 1};

    @Test
    void hierEgoPackSkipsUnlabelledSamplesAndClassZeroWinsTies() {
        assertEquals(2.0 / 3, OsccAccuracy.ignoringUnlabelled(LOGITS, LABELS));
    }

    @Test
    void ego4dBaselineCountsEverySample() {
        assertEquals(0.5, OsccAccuracy.countingAll(LOGITS, LABELS));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> OsccAccuracy.countingAll(new double[][] {{1, 2, 3}}, new int[] {1}));
        assertEquals("OSCC label of sample 0 must be -1, 0 or 1, got 2", assertThrows(IllegalArgumentException.class,
                () -> OsccAccuracy.countingAll(new double[][] {{1, 2}}, new int[] {2})).getMessage());
        assertEquals(0.0, OsccAccuracy.ignoringUnlabelled(new double[][] {{1, 2}}, new int[] {-1}));
    }
}
