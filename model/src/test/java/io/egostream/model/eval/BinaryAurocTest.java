package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinaryAurocTest {

    @Test
    void perfectSeparationIsOne() {
        assertEquals(1.0, BinaryAuroc.compute(new float[] {0.9f, 0.8f, 0.3f, 0.1f}, new int[] {1, 1, 0, 0}));
        assertEquals(0.0, BinaryAuroc.compute(new float[] {0.1f, 0.2f, 0.3f}, new int[] {1, 0, 0}));
    }

    @Test
    void tiesCountHalf() {
        // the positive ties one negative (1/2) and beats the other (1): 1.5 / 2
        assertEquals(0.75, BinaryAuroc.compute(new float[] {0.5f, 0.5f, 0.2f}, new int[] {1, 0, 0}));
    }

    @Test
    void logitsGoThroughAFloat32SigmoidThatSaturates() {
        // sigmoid(30) and sigmoid(20) are both 1.0f: the positive ties the top negative
        assertEquals(1.0f, BinaryAuroc.sigmoid(20f));
        assertEquals(0.75, BinaryAuroc.compute(new float[] {30f, 20f, -1f}, new int[] {0, 1, 0}));
        // without saturation the order is kept
        assertEquals(0.5, BinaryAuroc.compute(new float[] {3f, 2f, -1f}, new int[] {0, 1, 0}));
    }

    @Test
    void oneClassOnlyGivesZero() {
        assertEquals(0.0, BinaryAuroc.compute(new float[] {0.9f, 0.1f}, new int[] {0, 0}));
        assertEquals(0.0, BinaryAuroc.compute(new float[] {0.9f, 0.1f}, new int[] {1, 1}));
    }
}
