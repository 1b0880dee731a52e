package io.egostream.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CosineTest {

    @Test
    void shouldComputeCosineOfUnnormalisedVectors() {
        assertEquals(1.0, TextEncoder.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-12);
        assertEquals(0.0, TextEncoder.cosine(new float[] {1, 0}, new float[] {0, 3}), 1e-12);
        assertEquals(-1.0, TextEncoder.cosine(new float[] {1, 1}, new float[] {-2, -2}), 1e-12);
        // (3*4 + 4*0) / (5 * 4) = 0.6
        assertEquals(0.6, TextEncoder.cosine(new float[] {3, 4}, new float[] {4, 0}), 1e-12);
    }

    @Test
    void lengthsMustMatch() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextEncoder.cosine(new float[3], new float[384]));
        assertEquals("cosine needs vectors of equal length, got 3 and 384", e.getMessage());
    }

    @Test
    void zeroVectorIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> TextEncoder.cosine(new float[] {0, 0}, new float[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> TextEncoder.cosine(null, new float[] {1}));
    }
}
