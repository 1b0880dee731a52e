package io.egostream.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassificationLossesTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void crossEntropyShouldGiveLogSumExpMinusTheLabelLogitAndZeroForIgnoredRows() {
        final NDArray logits = manager.create(new float[] {1, 2, 3, 0, 0, 0, 0, 0, 0}, new Shape(3, 3));
        final float[] loss = ClassificationLosses.crossEntropy(logits, new long[] {2, -1, 1}).toFloatArray();
        // row 0: log(e^1 + e^2 + e^3) - 3 = log(1 + e^-1 + e^-2); row 1 ignored; row 2: log 3
        assertArrayEquals(new float[] {0.40760596f, 0f, 1.0986123f}, loss, 1e-6f);
    }

    @Test
    void crossEntropyGradientShouldBeSoftmaxMinusOneHot() {
        final NDArray logits = manager.create(new float[] {0, 0, 0, 5, 5, 5}, new Shape(2, 3));
        logits.setRequiresGradient(true);
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            gc.backward(ClassificationLosses.crossEntropy(logits, new long[] {1, -1}).sum());
        }
        final float third = 1f / 3;
        assertArrayEquals(new float[] {third, third - 1, third, 0, 0, 0}, logits.getGradient().toFloatArray(),
                1e-6f);
    }

    @Test
    void crossEntropyShouldRejectALabelOutsideTheClasses() {
        final NDArray logits = manager.zeros(new Shape(1, 3));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationLosses.crossEntropy(logits, new long[] {3}));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("label 3"), e.getMessage());
    }

    @Test
    void binaryCrossEntropyShouldMatchTheStableFormula() {
        final NDArray x = manager.create(new float[] {0, 2, -3});
        final NDArray t = manager.create(new float[] {1, 0, 1});
        // log 2; 2 + log(1 + e^-2); 3 + log(1 + e^-3)
        assertArrayEquals(new float[] {0.6931472f, 2.126928f, 3.0485873f},
                ClassificationLosses.binaryCrossEntropyWithLogits(x, t).toFloatArray(), 1e-6f);
    }
}
