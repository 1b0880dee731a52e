package io.egostream.model.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrototypeSourceTest {

    @Test
    void optionValuesRoundTripAndDefaultIsRandom() {
        for (final PrototypeSource s : PrototypeSource.values()) {
            assertEquals(s, PrototypeSource.ofOptionValue(s.optionValue()));
        }
        assertEquals(PrototypeSource.TEXT, PrototypeSource.ofOptionValue(" Text "));
        assertEquals(PrototypeSource.RANDOM, PrototypeSource.DEFAULT);
    }

    @Test
    void unknownValueNamesTheAllowedOnes() {
        final IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PrototypeSource.ofOptionValue("clip"));
        assertTrue(e.getMessage().contains("'clip'") && e.getMessage().contains("[random, text]"), e.getMessage());
    }
}
