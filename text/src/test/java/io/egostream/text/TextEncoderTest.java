package io.egostream.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real model on DJL's OnnxRuntime engine, from the Maven artifacts alone (offline). */
class TextEncoderTest {

    private static final double UNIT_NORM_TOLERANCE = 1e-5;
    private static final double BATCH_TOLERANCE = 1e-5;

    /** Texts of very different token counts, so batches are padded. */
    private static final List<String> MIXED = List.of(
            "cut onion",
            "",
            "The person opens the fridge, takes out two tomatoes and a bag of carrots, and closes it again.",
            "stir",
            "Pour the water into the pan and wait until it boils.",
            "slice tomato",
            "turn off tap");

    private static TextEncoder cached;
    private static TextEncoder uncached;

    @BeforeAll
    static void openEncoders() {
        cached = TextEncoder.openDefault();
        uncached = TextEncoder.open(TextEncoderSettings.DEFAULTS.withCacheCapacity(0).withMaxBatchSize(3));
    }

    @AfterAll
    static void closeEncoders() {
        cached.close();
        uncached.close();
    }

    @Test
    void shouldReturnOne384dVectorPerText() {
        final float[][] vectors = uncached.embed(MIXED);
        assertEquals(MIXED.size(), vectors.length);
        for (final float[] v : vectors) {
            assertEquals(384, v.length);
        }
        assertEquals(384, cached.dimension());
        assertEquals(384, cached.embed("open door").length);
        assertEquals(0, cached.embed(List.of()).length);
    }

    @Test
    void embeddingsShouldHaveUnitNorm() {
        final List<String> texts = new ArrayList<>(MIXED);
        texts.add("knife ".repeat(600)); // longer than the model's 512 positions: truncated
        for (final float[] v : uncached.embed(texts)) {
            double squares = 0;
            for (final float x : v) {
                squares += (double) x * x;
            }
            assertEquals(1.0, Math.sqrt(squares), UNIT_NORM_TOLERANCE);
        }
    }

    @Test
    void longTextsShouldBeTruncatedAt256Tokens() {
        // [CLS] + 254 x "knife" + [SEP] either way
        assertArrayEquals(uncached.embed("knife ".repeat(254)), uncached.embed("knife ".repeat(600)), 1e-6f);
        final float[] shorter = uncached.embed("knife ".repeat(253));
        assertTrue(TextEncoder.cosine(shorter, uncached.embed("knife ".repeat(254))) < 1 - 1e-6);
    }

    @Test
    void batchShouldEqualOneByOne() {
        final float[][] batched = uncached.embed(MIXED); // batches of 3, each padded to its longest
        for (int i = 0; i < MIXED.size(); i++) {
            final float[] single = uncached.embed(MIXED.get(i));
            for (int d = 0; d < single.length; d++) {
                assertEquals(single[d], batched[i][d], BATCH_TOLERANCE,
                        "text " + i + " '" + MIXED.get(i) + "' dimension " + d);
            }
        }
    }

    /** The similarities sentence-transformers prints for this model in its quickstart (4 decimals). */
    @Test
    void shouldReproduceSentenceTransformersSimilarities() {
        final float[][] e = uncached.embed(List.of(
                "The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."));
        assertEquals(0.6660, TextEncoder.cosine(e[0], e[1]), 2e-4);
        assertEquals(0.1046, TextEncoder.cosine(e[0], e[2]), 2e-4);
        assertEquals(0.1411, TextEncoder.cosine(e[1], e[2]), 2e-4);
    }

    @ParameterizedTest(name = "''{0}'' is closer to ''{1}'' than to ''{2}''")
    @CsvSource({
        "cut onion, slice tomato, open door",
        "wash plate, rinse dish, turn on light",
        "pour water, fill glass, close drawer",
        "peel carrot, peel potato, open fridge",
        "take knife, grab spoon, close drawer",
    })
    void relatedActionsShouldBeCloser(final String anchor, final String related, final String unrelated) {
        final float[][] e = cached.embed(List.of(anchor, related, unrelated));
        final double near = TextEncoder.cosine(e[0], e[1]);
        final double far = TextEncoder.cosine(e[0], e[2]);
        assertTrue(near > far + 0.1, "cos(related) " + near + " vs cos(unrelated) " + far);
    }

    @Test
    void cacheHitShouldReturnSameValuesInFreshArrays() {
        try (TextEncoder encoder = TextEncoder.open(TextEncoderSettings.DEFAULTS.withCacheCapacity(2))) {
            final float[] first = encoder.embed("rinse dish");
            assertEquals(1, encoder.cachedTexts());
            first[0] = 42f; // callers own what they get
            final float[] second = encoder.embed("rinse dish");
            assertEquals(1, encoder.cachedTexts());
            assertNotSame(first, second);
            assertArrayEquals(uncached.embed("rinse dish"), second);
            encoder.embed(List.of("a", "b", "c"));
            assertEquals(2, encoder.cachedTexts(), "the cache is bounded");
        }
    }

    @Test
    void emptyStringShouldEmbedLikeAnyText() {
        final float[] empty = uncached.embed("");
        assertEquals(384, empty.length);
        assertArrayEquals(empty, uncached.embed(List.of("cut onion", ""))[1], 1e-5f);
        assertTrue(TextEncoder.cosine(empty, uncached.embed("cut onion")) < 0.5);
    }

    @Test
    void duplicatesShouldGetEqualRows() {
        final float[][] e = uncached.embed(List.of("open door", "stir", "open door"));
        assertArrayEquals(e[0], e[2]);
        assertNotSame(e[0], e[2]);
    }

    @Test
    void nullTextShouldBeRejectedNamingItsIndex() {
        final List<String> texts = Arrays.asList("cut onion", null);
        final IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> cached.embed(texts));
        assertEquals("text 1 of 2 is null", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cached.embed((String) null));
        assertThrows(IllegalArgumentException.class, () -> cached.embed((List<String>) null));
    }

    @Test
    void closedEncoderShouldRefuseToEmbed() {
        final TextEncoder encoder = TextEncoder.open(TextEncoderSettings.DEFAULTS);
        encoder.close();
        encoder.close();
        final IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> encoder.embed("open door"));
        assertEquals("TextEncoder is closed", e.getMessage());
    }
}
