package io.egostream.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

    @TempDir Path tmp;

    private Path savedSmallModel(final NDManager manager, final String name) throws Exception {
        final Path dir = tmp.resolve(name);
        try (HierEgoPackModel m = new HierEgoPackModel("small-seed3",
                Vocabularies.placeholders(HierEgoPackConfig.small()),
                HierEgoPackWeights.initialise(HierEgoPackConfig.small(), manager, 3))) {
            ModelDirectory.save(dir, m);
        }
        return dir;
    }

    @Test
    void shouldRoundTripIdConfigVocabulariesAndWeights() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            final Path dir = savedSmallModel(manager, "m");
            try (HierEgoPackModel back = ModelDirectory.load(dir, manager);
                    HierEgoPackWeights fresh = HierEgoPackWeights.initialise(HierEgoPackConfig.small(), manager, 3)) {
                assertEquals("small-seed3", back.id());
                assertEquals(HierEgoPackConfig.small(), back.config());
                assertEquals("verb_006", back.vocabularies().verbs().get(6));
                assertEquals(fresh.toNpy(), back.weights().toNpy());
            }
            final String json = Files.readString(dir.resolve("model.json"));
            assertTrue(json.contains("\"format_version\": 1"), json);
            assertTrue(json.contains("\"head_ar\": \"weights/head_ar.npz\""), json);
        }
    }

    @Test
    void shouldRoundTripTheConfigJsonOfBothPresets() {
        for (final String p : HierEgoPackConfig.presetNames()) {
            final HierEgoPackConfig c = HierEgoPackConfig.preset(p);
            assertEquals(c, HierEgoPackConfigJson.parse(HierEgoPackConfigJson.toJson(c), p));
        }
        final HierEgoPackConfig noEgoPack = HierEgoPackConfig.small().withHeads(java.util.List.of(
                io.egostream.model.domain.Task.MQ), null);
        assertEquals(noEgoPack, HierEgoPackConfigJson.parse(HierEgoPackConfigJson.toJson(noEgoPack), "x"));
    }

    @Test
    void shouldRejectBadConfigJsonNamingTheKey() {
        final String json = HierEgoPackConfigJson.toJson(HierEgoPackConfig.small());
        assertEquals("c.json: unknown key 'hiden' (allowed: [ar_classifier_hidden, depth, edge_radius, egopack, "
                + "feature_size, gate_hidden, heads, hidden, input_dim, lta_classifier_hidden, lta_gate_hidden, "
                + "lta_steps, mq_classes, mq_classifier_hidden, mq_scales, num_nouns, num_verbs, "
                + "oscc_classifier_hidden])",
                assertThrows(IllegalArgumentException.class,
                        () -> HierEgoPackConfigJson.parse(json.replace("\"hidden\"", "\"hiden\""), "c.json")).getMessage());
        assertEquals("c.json: depth must be in [1, 24], got 0", assertThrows(IllegalArgumentException.class,
                () -> HierEgoPackConfigJson.parse(json.replace("\"depth\": 3", "\"depth\": 0"), "c.json")).getMessage());
        assertEquals("c.json: 'heads': unknown task 'xx' (known: ar, oscc, pnr, lta, mq)",
                assertThrows(IllegalArgumentException.class,
                        () -> HierEgoPackConfigJson.parse(json.replace("\"pnr\",\n    \"lta\"", "\"pnr\",\n    \"xx\""),
                                "c.json")).getMessage());
    }

    @Test
    void shouldRefuseAnUnknownFormatVersion() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            final Path dir = savedSmallModel(manager, "m");
            final Path f = dir.resolve("model.json");
            Files.writeString(f, Files.readString(f).replace("\"format_version\": 1", "\"format_version\": 2"));
            final ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelDirectory.load(dir, manager));
            assertTrue(e.getMessage().endsWith("model.json: format_version 2.0 is not supported (this EgoStream reads 1)"),
                    e.getMessage());
        }
    }

    @Test
    void shouldNameMissingCorruptAndMisShapedFiles() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            final Path dir = savedSmallModel(manager, "m");
            Files.delete(dir.resolve("vocabularies.json"));
            assertTrue(assertThrows(ModelFormatException.class, () -> ModelDirectory.load(dir, manager)).getMessage()
                    .endsWith("vocabularies.json: missing (the class vocabularies are missing)"));
            assertTrue(assertThrows(ModelFormatException.class, () -> ModelDirectory.load(tmp.resolve("nothing"),
                    manager)).getMessage().endsWith("model.json: missing (not an EgoStream model directory)"));

            final Path dir2 = savedSmallModel(manager, "m2");
            final Path lta = dir2.resolve("weights/head_lta.npz");
            final byte[] bytes = Files.readAllBytes(lta);
            Files.write(lta, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            final String corrupt = assertThrows(ModelFormatException.class, () -> ModelDirectory.load(dir2, manager))
                    .getMessage();
            assertTrue(corrupt.contains("head_lta.npz"), corrupt);

            final Path dir3 = savedSmallModel(manager, "m3");
            final Path mq = dir3.resolve("weights/head_mq.npz");
            final Map<String, NpyArray> arrays = new LinkedHashMap<>(NpzFile.read(mq));
            arrays.put("scales", NpyArray.ofFloats(new long[] {2}, new float[] {1, 1}));
            NpzFile.write(mq, arrays);
            assertEquals("weights/head_mq.npz: key 'scales' has shape (2,), expected (3,)",
                    assertThrows(ModelFormatException.class, () -> ModelDirectory.load(dir3, manager)).getMessage());
        }
    }

    @Test
    void shouldWriteNothingWhenTheWeightsDoNotMatch() throws IOException {
        final Map<WeightModule, Map<String, NpyArray>> valid;
        try (NDManager manager = NDManager.newBaseManager();
                HierEgoPackWeights w = HierEgoPackWeights.initialise(HierEgoPackConfig.small(), manager, 1)) {
            valid = w.toNpy();
        }
        final Path dir = tmp.resolve("never");
        final HierEgoPackConfig c = HierEgoPackConfig.small();
        assertThrows(ModelFormatException.class, () -> ModelDirectory.write(dir, "x", c, Vocabularies.placeholders(c),
                Map.of()));
        assertFalse(Files.exists(dir));
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "x", StandardCharsets.UTF_8);
        assertTrue(assertThrows(IOException.class, () -> ModelDirectory.write(dir, "x", c, Vocabularies.placeholders(c),
                valid)).getMessage().endsWith("exists and is not an empty directory; choose a new model directory"));
    }
}
