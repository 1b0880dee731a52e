package io.egostream.training.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void shouldWarmUpLinearlyThenFollowTheCosine() {
        final LearningRateSchedule s = new LearningRateSchedule(2, 6, 0);
        assertEquals(1e-6, s.learningRate(1e-3, 0), 1e-15);
        assertEquals(1e-3 * (0.001 + 0.999 * 0.5), s.learningRate(1e-3, 1), 1e-15);
        assertEquals(1e-3, s.learningRate(1e-3, 2), 1e-15);
        assertEquals(1e-3 * (1 + Math.sqrt(0.5)) / 2, s.learningRate(1e-3, 3), 1e-15);
        assertEquals(5e-4, s.learningRate(1e-3, 4), 1e-15);
        assertEquals(0, s.learningRate(1e-3, 6), 1e-15);
    }

    @Test
    void cosineShouldEndAtTheMinimum() {
        final LearningRateSchedule s = new LearningRateSchedule(0, 10, 1e-8);
        assertEquals(1e-4, s.learningRate(1e-4, 0), 1e-15);
        assertEquals(1e-8, s.learningRate(1e-4, 10), 1e-15);
        assertEquals(1e-8, s.learningRate(1e-4, 11), 1e-15);
    }

    @Test
    void warmUpAsLongAsTrainingShouldBeRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(5, 5, 0));
    }
}
