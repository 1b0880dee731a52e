package io.egostream.model.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassNameEmbeddingsTest {

    private static final float S = (float) Math.sqrt(0.5);

    @Test
    void writeThenReadGivesTheSameTable(@TempDir final Path dir) {
        final ClassNameEmbeddings table =
                ClassNameEmbeddings.of(List.of("cut", "chopping board"), new float[][] {{1, 0, 0}, {0, S, S}});
        table.write(dir);
        final ClassNameEmbeddings back = ClassNameEmbeddings.read(dir);
        assertEquals(List.of("cut", "chopping board"), back.texts());
        assertArrayEquals(new float[] {0, S, S}, back.vector("chopping board"));
        assertEquals(3, back.dimension());
    }

    @Test
    void vectorsMustBeUnitAndTextsDistinct() {
        final IllegalArgumentException norm = assertThrows(IllegalArgumentException.class,
                () -> ClassNameEmbeddings.of(List.of("cut"), new float[][] {{2, 0}}));
        assertTrue(norm.getMessage().contains("'cut'"), norm.getMessage());
        final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ClassNameEmbeddings.of(List.of("cut", "cut"), new float[][] {{1, 0}, {0, 1}}));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }

    @Test
    void unknownTextIsNamed() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassNameEmbeddings.shipped().vector("time machine"));
        assertTrue(e.getMessage().contains("'time machine'"), e.getMessage());
    }

    @Test
    void shippedVectorsAreUnitVectors() {
        final ClassNameEmbeddings table = ClassNameEmbeddings.shipped();
        for (final String text : table.texts()) {
            double sum = 0;
            for (final float x : table.vector(text)) {
                sum += x * x;
            }
            assertEquals(1.0, Math.sqrt(sum), 1e-3, text);
        }
    }
}
