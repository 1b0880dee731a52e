package io.egostream.training.videotext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ContrastiveLossTest {

    @Test
    void handWorkedTwoPairs() {
        try (NDManager m = NDManager.newBaseManager()) {
            final NDArray v = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            // Logits = identity: each row's loss is -log(e / (e + 1)) = log(1 + e) - 1, both directions alike.
            assertEquals(Math.log(1 + Math.E) - 1, ContrastiveLoss.infoNce(v, v, new int[] {0, 1}, 1.0).getFloat(),
                    1e-6);
            // tau = 0.5 doubles the logits: log(1 + e^2) - 2.
            assertEquals(Math.log(1 + Math.exp(2)) - 2,
                    ContrastiveLoss.infoNce(v, v, new int[] {0, 1}, 0.5).getFloat(), 1e-6);
        }
    }

    @Test
    void duplicateCaptionIsNotANegative() {
        try (NDManager m = NDManager.newBaseManager()) {
            final NDArray v = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            final NDArray t = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2)); // the same text twice
            // Without the mask row 1 would see logits (0, 0) and pay log 2; with it only its own pair remains.
            assertEquals(0.0, ContrastiveLoss.infoNce(v, t, new int[] {5, 5}, 1.0).getFloat(), 1e-6);
            assertEquals(true, ContrastiveLoss.infoNce(v, t, new int[] {5, 6}, 1.0).getFloat() > 0.3);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            final NDArray v = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            assertEquals("temperature must be > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                    () -> ContrastiveLoss.infoNce(v, v, new int[] {0, 1}, 0)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> ContrastiveLoss.infoNce(v, v, new int[] {0, 1, 2}, 1));
        }
    }
}
