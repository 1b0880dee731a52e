package io.egostream.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class FeatureFrameTest {

    @Test
    void shouldCopyTheVectorInAndOut() {
        final float[] values = {1f, 2f};
        final FeatureFrame frame = new FeatureFrame("cam", 0, 0, 0, values);
        values[0] = 99f;
        assertEquals(1f, frame.feature(0));
        frame.features()[1] = 99f;
        assertEquals(2f, frame.feature(1));
        assertThrows(ReadOnlyBufferException.class, () -> frame.featureBuffer().put(0, 5f));
    }

    @Test
    void shouldCompareByValue() {
        assertEquals(new FeatureFrame("cam", 1, 2, 3, new float[] {1f}), new FeatureFrame("cam", 1, 2, 3, new float[] {1f}));
        assertEquals(new FeatureFrame("cam", 1, 2, 3, new float[] {1f}).hashCode(),
                new FeatureFrame("cam", 1, 2, 3, new float[] {1f}).hashCode());
        assertNotEquals(new FeatureFrame("cam", 1, 2, 3, new float[] {1f}), new FeatureFrame("cam", 1, 2, 3, new float[] {2f}));
    }

    @Test
    void nonFiniteFeatureMustBeRefusedWithItsIndex() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureFrame("cam", 0, 5, 0, new float[] {0f, Float.NaN}));
        assertTrue(e.getMessage().startsWith("feature 1 of frame 5 of camera 'cam' is NaN"), e.getMessage());
    }

    @Test
    void fieldsMustBeInRange() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureFrame("cam", -1, 0, 0, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureFrame("cam", 0, -1, 0, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureFrame("cam", 0, 0, -1, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureFrame("cam", 0, 0, 0, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> new FeatureFrame(" ", 0, 0, 0, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureFrame("a\nb", 0, 0, 0, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> new FeatureFrame("x".repeat(129), 0, 0, 0, new float[] {0f}));
    }
}
