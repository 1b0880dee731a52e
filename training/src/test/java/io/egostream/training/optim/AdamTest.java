package io.egostream.training.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static final LearningRateSchedule CONSTANT = new LearningRateSchedule(0, 1_000_000_000L, 0);

    @Test
    void firstStepShouldMoveEachWeightByTheLearningRateWithCoupledDecay() {
        try (NDManager m = NDManager.newBaseManager()) {
            final NDArray w = m.create(new float[] {1f, -2f}, new Shape(1, 2));
            w.setRequiresGradient(true);
            final NDArray x = m.create(new float[] {0.5f, 0.5f}, new Shape(1, 2));
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(w.mul(x).sum()); // dL/dw = (0.5, 0.5)
            }
            final Adam adam = new Adam(List.of(new ParameterGroup("decay", Map.of("w", w), 0.1, 0.1)), CONSTANT, 0);
            adam.step();
            // g = 0.5 + 0.1 w = (0.6, 0.3); the first Adam step is lr * g / |g| = 0.1 per weight
            assertArrayEquals(new float[] {0.9f, -2.1f}, w.toFloatArray(), 1e-6f);
            assertEquals(1, adam.steps());
            assertArrayEquals(new float[] {0f, 0f}, w.getGradient().toFloatArray());
        }
    }

    @Test
    void restoredStateShouldReproduceTheSameUpdates() {
        try (NDManager m = NDManager.newBaseManager()) {
            final NDArray a = m.create(new float[] {1f, 2f, 3f});
            final NDArray b = m.create(new float[] {1f, 2f, 3f});
            final Adam first = new Adam(List.of(new ParameterGroup("g", Map.of("p", a), 0.01, 0)), CONSTANT, 1.0);
            final Adam second = new Adam(List.of(new ParameterGroup("g", Map.of("p", b), 0.01, 0)), CONSTANT, 1.0);
            for (int i = 0; i < 3; i++) {
                descend(m, a, first);
            }
            final AdamState saved = first.state();
            second.restore(saved);
            b.set(a.toFloatArray());
            descend(m, a, first);
            descend(m, b, second);
            assertArrayEquals(a.toFloatArray(), b.toFloatArray());
            assertEquals(4, second.steps());
            assertNotEquals(1f, a.toFloatArray()[0]);
        }
    }

    @Test
    void aNonFiniteGradientShouldStopTheStepWithoutTouchingTheWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            final NDArray w = m.create(new float[] {1f});
            w.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(w.sqrt().mul(0f).add(w.neg().sqrt()).sum());
            }
            final Adam adam = new Adam(List.of(new ParameterGroup("g", Map.of("w", w), 0.1, 0)), CONSTANT, 1.0);
            assertThrows(IllegalStateException.class, adam::step);
            assertArrayEquals(new float[] {1f}, w.toFloatArray());
        }
    }

    @Test
    void oneDimensionalParametersShouldGetNoDecay() {
        try (NDManager m = NDManager.newBaseManager()) {
            final List<ParameterGroup> groups = ParameterGroup.splitByDecay("",
                    Map.of("bias", m.zeros(new Shape(3)), "weight", m.zeros(new Shape(3, 2))), 1e-4, 1e-5);
            assertEquals(0.0, groups.get(0).weightDecay());
            assertEquals(List.of("bias"), List.copyOf(groups.get(0).parameters().keySet()));
            assertEquals(1e-5, groups.get(1).weightDecay());
            assertEquals(List.of("weight"), List.copyOf(groups.get(1).parameters().keySet()));
        }
    }

    /** One step of minimising sum((p - 10)^2). */
    private static void descend(final NDManager m, final NDArray p, final Adam adam) {
        p.setRequiresGradient(true);
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            gc.backward(p.sub(10f).square().sum());
        }
        adam.step();
    }
}
