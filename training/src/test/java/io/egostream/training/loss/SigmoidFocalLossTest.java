package io.egostream.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigmoidFocalLossTest {

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
    void shouldWeightCrossEntropyByAlphaAndTheFocusingTerm() {
        final NDArray x = manager.create(new float[] {0, 0, 2, -1}, new Shape(2, 2));
        final NDArray t = manager.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
        // x=0,t=1: log2 * 0.5^2 * 0.25; x=0,t=0: log2 * 0.5^2 * 0.75;
        // x=2,t=0: (2 + log(1+e^-2)) * sigmoid(2)^2 * 0.75; x=-1,t=1: (1 + log(1+e^-1)) * sigmoid(1)^2 * 0.25
        final float[] expected = {0.0433217f, 0.1299651f, 1.2375586f, 0.1754671f};
        assertArrayEquals(expected, SigmoidFocalLoss.mq().elementwise(x, t).toFloatArray(), 1e-6f);
        assertEquals(expected[0] + expected[1] + expected[2] + expected[3],
                SigmoidFocalLoss.mq().sum(x, t).getFloat(), 1e-6f);
    }

    @Test
    void gammaZeroAndNoAlphaShouldBePlainBinaryCrossEntropy() {
        final NDArray x = manager.create(new float[] {0.3f, -1.2f});
        final NDArray t = manager.create(new float[] {1, 0});
        assertArrayEquals(ClassificationLosses.binaryCrossEntropyWithLogits(x, t).toFloatArray(),
                new SigmoidFocalLoss(-1, 0).elementwise(x, t).toFloatArray(), 1e-7f);
    }

    @Test
    void alphaAboveOneShouldBeRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SigmoidFocalLoss(1.5, 2));
    }
}
