package io.egostream.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextEncoderSettingsTest {

    @Test
    void defaultsShouldBeValid() {
        assertEquals(new TextEncoderSettings(32, 4096, 256), TextEncoderSettings.DEFAULTS);
        assertEquals(8, TextEncoderSettings.DEFAULTS.withMaxBatchSize(8).maxBatchSize());
        assertEquals(0, TextEncoderSettings.DEFAULTS.withCacheCapacity(0).cacheCapacity());
    }

    @Test
    void batchSizeMustBePositive() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextEncoderSettings(0, 10, 256));
        assertEquals("maxBatchSize must be in [1, 1024], got 0", e.getMessage());
    }

    @Test
    void cacheCapacityMustNotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new TextEncoderSettings(1, -1, 256));
    }

    @Test
    void maxTokensMustFitTheModel() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextEncoderSettings(1, 0, 513));
        assertEquals("maxTokens must be in [2, 512], got 513", e.getMessage());
    }
}
