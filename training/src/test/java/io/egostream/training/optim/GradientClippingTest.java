package io.egostream.training.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void shouldScaleAllGradientsByTheGlobalNorm() {
        final float[][] g = {{3f}, {0f, 4f}};
        assertEquals(5.0, GradientClipping.clipGlobalNorm(g, 1.0), 1e-12);
        final float c = (float) (1.0 / (5.0 + 1e-6));
        assertArrayEquals(new float[] {3 * c}, g[0], 1e-7f);
        assertArrayEquals(new float[] {0f, 4 * c}, g[1], 1e-7f);
    }

    @Test
    void gradientsBelowTheLimitShouldBeUnchanged() {
        final float[][] g = {{0.3f, 0.4f}};
        GradientClipping.clipGlobalNorm(g, 1.0);
        assertArrayEquals(new float[] {0.3f, 0.4f}, g[0]);
    }
}
