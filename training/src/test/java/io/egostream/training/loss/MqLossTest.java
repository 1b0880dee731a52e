package io.egostream.training.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MqLossTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** Two points, one class: point 0 positive with target (2, 2), point 1 negative. */
    private static MqTargets targets() {
        return new MqTargets(2, 1, new float[] {1, 0}, new float[] {2, 2, 0, 0}, new boolean[] {true, false}, 1);
    }

    @Test
    void evaluationShouldDivideByThePositiveCount() {
        final NDArray logits = manager.zeros(new Shape(2, 1));
        final NDArray reg = manager.create(new float[] {1, 1, 5, 5}, new Shape(2, 2));
        final MqLoss.Value v = new MqLoss().compute(logits, reg, targets(), null);
        // focal: log2/16 (positive) + 3 log2/16 (negative); DIoU of (1,1) against (2,2): 0.5
        final float focal = (float) (Math.log(2) / 4);
        assertEquals(focal, v.classification().getFloat(), 1e-6f);
        assertEquals(0.5f, v.regression().getFloat(), 1e-6f);
        assertEquals(focal + 0.5f, v.total().getFloat(), 1e-6f);
        assertEquals(1, v.positives());
    }

    @Test
    void trainingShouldDivideByTheUpdatedMovingAverage() {
        final NDArray logits = manager.zeros(new Shape(2, 1));
        final NDArray reg = manager.create(new float[] {1, 1, 5, 5}, new Shape(2, 2));
        final LossNormalizer normalizer = new LossNormalizer();
        final MqLoss.Value v = new MqLoss().compute(logits, reg, targets(), normalizer);
        // 0.9 * 100 + 0.1 * 1
        assertEquals(90.1, normalizer.value(), 1e-9);
        assertEquals((float) (Math.log(2) / 4 / 90.1), v.classification().getFloat(), 1e-8f);
        assertEquals((float) (0.5 / 90.1), v.regression().getFloat(), 1e-8f);
    }

    @Test
    void evaluationWithoutPositivesShouldBeZero() {
        final MqTargets none = new MqTargets(1, 1, new float[] {0}, new float[] {0, 0}, new boolean[] {false}, 0);
        final MqLoss.Value v = new MqLoss().compute(manager.zeros(new Shape(1, 1)), manager.zeros(new Shape(1, 2)),
                none, null);
        assertEquals(0f, v.total().getFloat());
    }
}
