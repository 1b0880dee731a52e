package io.egostream.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * DJL's PyTorch engine turns a Java number given to {@code mul}, {@code div}, {@code pow}, {@code maximum} into a
 * tensor over a Java buffer that nothing keeps alive, while autograd keeps that tensor for the backward pass. The
 * losses pass manager-owned scalars ({@code io.egostream.model.nn.Scalars}), so garbage collections between the
 * forward and the backward change no gradient.
 */
class LossGradientsUnderGarbageCollectionTest {

    private static float[] gradient(final Function<NDArray, NDArray> loss, final boolean collectGarbage)
            throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager()) {
            final float[] values = new float[6 * 4];
            final SplittableRandom r = new SplittableRandom(5);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (r.nextDouble() * 4 - 2);
            }
            final NDArray x = m.create(values, new Shape(6, 4));
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                final NDArray value = loss.apply(x);
                if (collectGarbage) {
                    final List<ByteBuffer> churn = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        System.gc();
                        Thread.sleep(5);
                        for (int j = 0; j < 100; j++) {
                            churn.add(ByteBuffer.allocateDirect(16));
                        }
                    }
                }
                gc.backward(value);
            }
            return x.getGradient().toFloatArray();
        }
    }

    private static void assertSameGradients(final Function<NDArray, NDArray> loss) throws InterruptedException {
        final float[] quiet = gradient(loss, false);
        final float[] collected = gradient(loss, true);
        for (final float g : quiet) {
            assertTrue(Float.isFinite(g), "finite gradient");
        }
        assertArrayEquals(quiet, collected, 0f);
    }

    @Test
    void distillation() throws InterruptedException {
        final float[][] teacher = new float[6][4];
        for (int i = 0; i < 6; i++) {
            teacher[i][i % 4] = 3f;
        }
        assertSameGradients(x -> new Distillation(2.0, 3, 0.5).loss(x, teacher));
    }

    @Test
    void sigmoidFocalLoss() throws InterruptedException {
        assertSameGradients(x -> SigmoidFocalLoss.mq().sum(x, x.getManager().create(new float[24], new Shape(6, 4))
                .add(x.getManager().create(new float[] {1, 0, 0, 1}, new Shape(1, 4)))));
    }

    @Test
    void diouLoss() throws InterruptedException {
        assertSameGradients(x -> DiouLoss.perRow(x.get(":, 0:2").abs(), x.getManager().create(
                new float[] {1, 1, 2, 0.5f, 0.5f, 2, 1, 3, 2, 2, 0.2f, 0.4f}, new Shape(6, 2))).sum());
    }

    @Test
    void binaryCrossEntropy() throws InterruptedException {
        assertSameGradients(x -> ClassificationLosses.binaryCrossEntropyWithLogits(x,
                x.getManager().create(new float[24], new Shape(6, 4))).sum());
    }
}
