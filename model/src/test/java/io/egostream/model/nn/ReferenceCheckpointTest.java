package io.egostream.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.Task;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyDtype;
import io.egostream.model.io.NpzFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCheckpointTest {

    @TempDir Path tmp;

    static Path smallWeightsDir() {
        return HierEgoPackGoldenTest.resource("weights");
    }

    /** A writable copy of the shared small checkpoint. */
    private Path copy(final String name) throws IOException {
        final Path dir = Files.createDirectories(tmp.resolve(name));
        try (var s = Files.list(smallWeightsDir())) {
            for (final Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static void edit(final Path file, final java.util.function.Consumer<Map<String, NpyArray>> change)
            throws IOException {
        final Map<String, NpyArray> arrays = new LinkedHashMap<>(NpzFile.read(file));
        change.accept(arrays);
        NpzFile.write(file, arrays);
    }

    private String importError(final Path dir, final HierEgoPackConfig given, final String name) {
        return assertThrows(ModelFormatException.class, () -> ReferenceCheckpoint.importFolder(dir, given, name))
                .getMessage();
    }

    @Test
    void shouldInferTheSmallConfigurationFromShapes() throws Exception {
        assertEquals(HierEgoPackConfig.small(), ReferenceCheckpoint.importFolder(smallWeightsDir(), null, null).config());
        assertEquals(HierEgoPackConfig.small(), ReferenceCheckpoint.importFolder(smallWeightsDir(),
                HierEgoPackConfig.small(), "preset 'small'").config());
    }

    @Test
    void shouldRejectADisagreeingPresetNamingTheField() {
        assertEquals("hidden: backbone.npz:proj.1.weight (48, 32) gives 48 but preset 'reference' has 768",
                importError(smallWeightsDir(), HierEgoPackConfig.reference(), "preset 'reference'"));
    }

    @Test
    void shouldExportBitIdenticallyAfterImportIntoAModelDirectory() throws Exception {
        final ReferenceCheckpoint.Imported imported = ReferenceCheckpoint.importFolder(smallWeightsDir(), null, null);
        final Path model = tmp.resolve("model");
        ModelDirectory.write(model, "small-ref", imported.config(), Vocabularies.placeholders(imported.config()),
                imported.weights());
        final ModelDirectory.Manifest manifest = ModelDirectory.readManifest(model);
        final Path out = tmp.resolve("exported");
        final List<Path> written = ReferenceCheckpoint.export(manifest.config(),
                ModelDirectory.readWeights(model, manifest.config()), out);
        assertEquals(7, written.size());
        for (final Path f : written) {
            assertArrayEquals(Files.readAllBytes(smallWeightsDir().resolve(f.getFileName())), Files.readAllBytes(f),
                    f.getFileName().toString());
        }
    }

    @Test
    void shouldAcceptAnySubsetOfHeads() throws Exception {
        final Path dir = copy("c1");
        for (final String f : List.of("head_ar", "head_oscc", "head_pnr", "head_lta", "egopack")) {
            Files.delete(dir.resolve(f + ".npz"));
        }
        final HierEgoPackConfig c = ReferenceCheckpoint.importFolder(dir, null, null).config();
        assertEquals(List.of(Task.MQ), c.heads());
        assertEquals(null, c.egoPack());
        assertEquals(5, c.mqClasses());
    }

    @Test
    void shouldNameFileKeyAndShapesOfEveryKindOfBadArray() throws Exception {
        Path dir = copy("c1");
        edit(dir.resolve("head_ar.npz"), a -> a.remove("verb_classifier.net.3.bias"));
        assertEquals("head_ar.npz: missing key 'verb_classifier.net.3.bias' (expected shape (32,))",
                importError(dir, null, null));

        dir = copy("c2");
        edit(dir.resolve("head_mq.npz"), a -> a.put("extra.weight", NpyArray.ofFloats(new long[] {1}, new float[1])));
        assertTrue(importError(dir, null, null).startsWith("head_mq.npz: unknown key 'extra.weight'"));

        dir = copy("c3");
        edit(dir.resolve("backbone.npz"), a -> a.put("layers.1.module_3.lin_root.weight",
                NpyArray.ofFloats(new long[] {48, 47}, new float[48 * 47])));
        assertEquals("backbone.npz: key 'layers.1.module_3.lin_root.weight' has shape (48, 47), expected (48, 48)",
                importError(dir, null, null));

        dir = copy("c4");
        edit(dir.resolve("head_pnr.npz"), a -> a.put("classifier.bias",
                new NpyArray(NpyDtype.FLOAT64, new long[] {1}, new byte[8])));
        assertEquals("head_pnr.npz: key 'classifier.bias' is <f8, expected float32 (<f4)", importError(dir, null, null));

        dir = copy("c5");
        edit(dir.resolve("egopack.npz"), a -> a.put("stages.ego4d/mq.0.module_4.bias",
                NpyArray.ofFloats(new long[] {48}, nanAt(48, 5))));
        assertEquals("egopack.npz: key 'stages.ego4d/mq.0.module_4.bias' holds NaN at flat index 5; weights must be"
                + " finite", importError(dir, null, null));

        dir = copy("c6");
        Files.write(dir.resolve("head_foo.npz"), new byte[] {1});
        assertTrue(importError(dir, null, null).startsWith("head_foo.npz: unknown weight file"));

        dir = copy("c7");
        Files.delete(dir.resolve("backbone.npz"));
        assertTrue(importError(dir, null, null).endsWith("backbone.npz: missing (every checkpoint has a backbone)"));

        dir = copy("c8");
        Files.write(dir.resolve("head_lta.npz"), new byte[] {'P', 'K', 3, 4, 0, 0});
        assertTrue(importError(dir, null, null).contains("head_lta.npz"));
    }

    @Test
    void shouldRejectHeadsThatDisagreeOnTheFeatureSize() throws Exception {
        final Path dir = copy("c1");
        edit(dir.resolve("head_oscc.npz"), a -> a.put("projector.net.1.weight",
                NpyArray.ofFloats(new long[] {40, 48}, new float[40 * 48])));
        assertEquals("feature_size disagrees: head_ar.npz:projector.net.1.weight (48, 48) gives 48 but"
                + " head_oscc.npz:projector.net.1.weight (40, 48) gives 40", importError(dir, null, null));
    }

    private static float[] nanAt(final int n, final int at) {
        final float[] v = new float[n];
        v[at] = Float.NaN;
        return v;
    }
}
