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

    /** The loss's numbers (temperature, batch size, 1/2) must survive a garbage collection before the backward. */
    @Test
    void gradientDoesNotDependOnGarbageCollectionBeforeBackward() throws InterruptedException {
        assertEquals(gradient(false)[0], gradient(true)[0], 0f);
        assertEquals(true, Float.isFinite(gradient(true)[1]));
    }

    private static float[] gradient(final boolean collectGarbage) throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            final NDArray v = m.create(new float[] {0.6f, 0.8f, 0.8f, -0.6f}, new Shape(2, 2));
            v.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                final NDArray loss = ContrastiveLoss.infoNce(v, m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2)),
                        new int[] {0, 1}, 0.05);
                if (collectGarbage) {
                    final java.util.List<java.nio.ByteBuffer> churn = new java.util.ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        System.gc();
                        Thread.sleep(5);
                        for (int j = 0; j < 100; j++) {
                            churn.add(java.nio.ByteBuffer.allocateDirect(16));
                        }
                    }
                }
                gc.backward(loss);
            }
            return v.getGradient().toFloatArray();
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
