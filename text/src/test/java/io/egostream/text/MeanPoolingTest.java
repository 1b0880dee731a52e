package io.egostream.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeanPoolingTest {

    @Test
    void shouldAverageKeptTokensAndNormalise() {
        // batch 2, tokens 3, width 2
        final float[] hidden = {
            3, 0, /**/ 1, 4, /**/ 100, 100, // text 0: third token is padding
            0, 2, /**/ 0, 4, /**/ 0, 6,     // text 1: all kept
        };
        final long[] mask = {1, 1, 0, 1, 1, 1};
        final float[][] pooled = MeanPooling.poolAndNormalize(hidden, mask, 2, 3, 2);
        // text 0: mean (2, 2) -> (1/sqrt2, 1/sqrt2); text 1: mean (0, 4) -> (0, 1)
        final float s = (float) (1 / Math.sqrt(2));
        assertArrayEquals(new float[] {s, s}, pooled[0], 1e-7f);
        assertArrayEquals(new float[] {0, 1}, pooled[1], 1e-7f);
    }

    @Test
    void shapesMustAgree() {
        assertThrows(IllegalArgumentException.class,
                () -> MeanPooling.poolAndNormalize(new float[5], new long[2], 1, 2, 3));
        assertThrows(IllegalArgumentException.class,
                () -> MeanPooling.poolAndNormalize(new float[6], new long[3], 1, 2, 3));
    }
}
