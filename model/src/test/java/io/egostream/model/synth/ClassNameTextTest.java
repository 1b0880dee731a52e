package io.egostream.model.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassNameTextTest {

    @Test
    void epicKeysReadAsPlainEnglish() {
        assertEquals("chopping board", ClassNameText.of("board:chopping"));
        assertEquals("turn on", ClassNameText.of("turn-on"));
        assertEquals("sous vide machine", ClassNameText.of("machine:sous:vide"));
        assertEquals("take", ClassNameText.of("take"));
    }

    @Test
    void egteaKeysReadAsPlainEnglish() {
        assertEquals("turn on", ClassNameText.of("Turn on"));
        assertEquals("eating utensil", ClassNameText.of("eating_utensil"));
        assertEquals("divide/pull apart", ClassNameText.of("Divide/Pull  Apart"));
    }

    @Test
    void keysWithoutLettersAreRejected() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassNameText.of(" :-"));
        assertTrue(e.getMessage().contains("' :-'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassNameText.of(null));
    }
}
