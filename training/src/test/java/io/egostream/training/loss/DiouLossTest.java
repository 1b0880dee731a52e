package io.egostream.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiouLossTest {

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
    void shouldBeOneMinusIouPlusNormalisedCentreDistance() {
        final NDArray pred = manager.create(new float[] {1, 1, 1, 1, 0, 2, -1, 2}, new Shape(4, 2));
        final NDArray target = manager.create(new float[] {1, 1, 2, 2, 1, 1, 1, 1}, new Shape(4, 2));
        // identical: 0; [-1,1] in [-2,2]: IoU 2/4, same centre: 0.5;
        // [0,2] vs [-1,1]: inter 1, union 3, enclosing 3, centres 1 vs 0: 1 - 1/3 + 1/9;
        // a negative offset is clipped to 0, so the last row equals the third
        final float third = 1f - 1f / 3 + 1f / 9;
        assertArrayEquals(new float[] {0f, 0.5f, third, third}, DiouLoss.perRow(pred, target).toFloatArray(), 1e-6f);
    }
}
