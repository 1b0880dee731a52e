package io.egostream.model.nn.openvocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import io.egostream.model.nn.ModelFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenVocabularyModelDirectoryTest {

    private final NDManager manager = NDManager.newBaseManager("PyTorch");

    @AfterEach
    void close() {
        manager.close();
    }

    private OpenVocabularyModel model(final int hidden) {
        final OpenVocabularyConfig config =
                new OpenVocabularyConfig(8, 4, hidden, new PromptTemplate("a person is going to {}"), 0.07);
        return new OpenVocabularyModel("open-vocab-verb", "all-MiniLM-L6-v2", "verb", List.of("take", "put"),
                new OpenVocabularyHead(config, OpenVocabularyParameters.initialize(config, manager, 3)));
    }

    @Test
    void writeThenReadGivesTheSameModel(@TempDir final Path dir) throws Exception {
        final OpenVocabularyModel written = model(5);
        OpenVocabularyModelDirectory.write(dir, written);
        final OpenVocabularyModel read = OpenVocabularyModelDirectory.read(dir, manager);
        assertEquals(written.config(), read.config());
        assertEquals(List.of("take", "put"), read.trainedLabels());
        assertEquals("verb", read.target());
        assertEquals("all-MiniLM-L6-v2", read.textEncoder());
        for (final Map.Entry<String, NDArray> e : written.arrays().entrySet()) {
            assertArrayEquals(e.getValue().toFloatArray(), read.arrays().get(e.getKey()).toFloatArray(), e.getKey());
        }
    }

    @Test
    void missingArrayIsNamed(@TempDir final Path dir) throws Exception {
        OpenVocabularyModelDirectory.write(dir, model(5));
        final Map<String, NpyArray> arrays = new java.util.LinkedHashMap<>(NpzFile.read(dir.resolve("weights.npz")));
        arrays.remove("adapter.2.weight");
        NpzFile.write(dir.resolve("weights.npz"), arrays);
        final ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> OpenVocabularyModelDirectory.read(dir, manager));
        assertTrue(e.getMessage().contains("'adapter.2.weight' is missing"), e.getMessage());
    }

    @Test
    void unknownFormatVersionIsRejected(@TempDir final Path dir) throws Exception {
        OpenVocabularyModelDirectory.write(dir, model(0));
        final Path manifest = dir.resolve(OpenVocabularyModelDirectory.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"format_version\": 1", "\"format_version\": 9"));
        final ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> OpenVocabularyModelDirectory.read(dir, manager));
        assertTrue(e.getMessage().contains("format_version 9"), e.getMessage());
    }

    @Test
    void missingDirectoryIsNamed(@TempDir final Path dir) {
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> OpenVocabularyModelDirectory.read(dir.resolve("none"), manager));
        assertTrue(e.getMessage().contains("open-vocabulary.json: missing"), e.getMessage());
    }
}
