package io.egostream.training.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LossNormalizerTest {

    @Test
    void shouldStartAtOneHundredAndMoveTenPercentTowardsThePositiveCount() {
        final LossNormalizer n = new LossNormalizer();
        assertEquals(100.0, n.value());
        assertEquals(91.0, n.update(10), 1e-12);
        // a step without positives counts as one
        assertEquals(82.0, n.update(0), 1e-12);
    }

    @Test
    void negativeCountsShouldBeRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LossNormalizer().update(-1));
    }
}
