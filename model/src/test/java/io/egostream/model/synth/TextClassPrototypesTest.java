package io.egostream.model.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextClassPrototypesTest {

    private static final ClassVocabulary EPIC = EpicKitchensCsv.shippedVocabulary();
    private static final ClassNameEmbeddings TABLE = ClassNameEmbeddings.shipped();

    private static double cosine(final float[] a, final float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }

    private static int noun(final String key) {
        return EPIC.nouns().indexOf(key);
    }

    @Test
    void shippedTableHasEveryEpicClassName() {
        for (final String key : EPIC.verbs()) {
            assertTrue(TABLE.contains(ClassNameText.of(key)), key);
        }
        for (final String key : EPIC.nouns()) {
            assertTrue(TABLE.contains(ClassNameText.of(key)), key);
        }
        assertEquals(384, TABLE.dimension());
    }

    @Test
    void sameSeedGivesTheSamePrototypesBitForBit() {
        final TextClassPrototypes a = TextClassPrototypes.of(EPIC, 64, 11);
        final TextClassPrototypes b = TextClassPrototypes.of(EPIC, 64, 11);
        for (int v = 0; v < EPIC.verbCount(); v++) {
            assertArrayEquals(a.verb(v), b.verb(v));
        }
        for (int n = 0; n < EPIC.nounCount(); n++) {
            assertArrayEquals(a.noun(n), b.noun(n));
        }
        assertArrayEquals(a.background(), b.background());
        assertFalse(Arrays.equals(a.verb(0), TextClassPrototypes.of(EPIC, 64, 12).verb(0)));
    }

    @Test
    void valuesHaveMeanZeroAndUnitVariance() {
        final TextClassPrototypes p = TextClassPrototypes.of(EPIC, 512, 3);
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int n = 0; n < EPIC.nounCount(); n++) {
            for (final float x : p.noun(n)) {
                sum += x;
                squares += x * x;
                count++;
            }
        }
        final double mean = sum / count;
        assertEquals(0.0, mean, 0.05);
        assertEquals(1.0, squares / count - mean * mean, 0.1);
    }

    @Test
    void prototypeCosinesFollowTheNameCosines() {
        final TextClassPrototypes p = TextClassPrototypes.of(EPIC, 4096, 5);
        double error = 0;
        int pairs = 0;
        for (int a = 0; a < 40; a++) {
            for (int b = a + 1; b < 40; b++) {
                final double names = cosine(TABLE.vector(ClassNameText.of(EPIC.nouns().get(a))),
                        TABLE.vector(ClassNameText.of(EPIC.nouns().get(b))));
                error += Math.abs(cosine(p.noun(a), p.noun(b)) - names);
                pairs++;
            }
        }
        assertTrue(error / pairs < 0.03, "mean |prototype cosine - name cosine| = " + error / pairs);
        final double close = cosine(p.noun(noun("onion")), p.noun(noun("onion:spring")));
        final double far = cosine(p.noun(noun("onion")), p.noun(noun("fridge")));
        assertTrue(close > far + 0.3, "onion~spring onion " + close + ", onion~fridge " + far);
    }

    @Test
    void textWeightZeroMakesUnrelatedDirections() {
        final TextClassPrototypes p = TextClassPrototypes.of(EPIC, TABLE, 4096, 0.0, 5);
        assertEquals(0.0, cosine(p.noun(noun("onion")), p.noun(noun("onion:spring"))), 0.06);
        final TextClassPrototypes half = TextClassPrototypes.of(EPIC, TABLE, 4096, 0.5, 5);
        final double names = cosine(TABLE.vector("onion"), TABLE.vector("spring onion"));
        assertEquals(0.5 * names, cosine(half.noun(noun("onion")), half.noun(noun("onion:spring"))), 0.06);
    }

    @Test
    void aNameGetsTheSamePrototypeInEveryVocabulary() {
        final ClassVocabulary other = new ClassVocabulary(List.of("Turn on", "Open"), List.of("eating_utensil"));
        final TextClassPrototypes p = TextClassPrototypes.of(other, 32, 9);
        final TextClassPrototypes epic = TextClassPrototypes.of(EPIC, 32, 9);
        assertArrayEquals(epic.verb(EPIC.verbs().indexOf("turn-on")), p.verb(0));
        assertArrayEquals(epic.verb(EPIC.verbs().indexOf("open")), p.verb(1));
        assertArrayEquals(epic.background(), p.background());
        assertArrayEquals(RandomClassPrototypes.of(EPIC, 32, 9).background(), p.background());
    }

    @Test
    void aNameWithoutEmbeddingIsRejectedByName() {
        final ClassVocabulary unknown = new ClassVocabulary(List.of("take"), List.of("flux capacitor"));
        final IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TextClassPrototypes.of(unknown, 8, 1));
        assertTrue(e.getMessage().contains("'flux capacitor'"), e.getMessage());
        assertTrue(e.getMessage().contains("egostream text embed-classes"), e.getMessage());
    }

    @Test
    void outOfRangeArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TextClassPrototypes.of(EPIC, TABLE, 0, 1.0, 1));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextClassPrototypes.of(EPIC, TABLE, 8, 1.5, 1));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void generatorWithTextPrototypesIsReproducibleAndGroupsSimilarNames() {
        final AnnotationSet epic = EpicKitchensCsv.shipped();
        final VideoTimeline video = epic.timeline("P01_11").orElseThrow();
        final ClassPrototypes prototypes = PrototypeSource.TEXT.prototypes(EPIC, 128, 21);
        final float[][] a = new FeatureSynthesizer(prototypes, SynthesisSettings.defaults(), 21).generate(video, "c");
        final float[][] b = new FeatureSynthesizer(PrototypeSource.TEXT.prototypes(EPIC, 128, 21),
                SynthesisSettings.defaults(), 21).generate(video, "c");
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertTrue(PrototypeSource.RANDOM.prototypes(EPIC, 8, 1) instanceof RandomClassPrototypes);
    }
}
