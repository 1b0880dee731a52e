package io.egostream.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierEgoPackWeightsTest {

    static Map<WeightModule, Map<String, NpyArray>> referenceSmallWeights() throws IOException {
        final Map<WeightModule, Map<String, NpyArray>> files = new EnumMap<>(WeightModule.class);
        for (final WeightModule m : WeightModule.values()) {
            try {
                files.put(m, NpzFile.read(Path.of(HierEgoPackWeightsTest.class
                        .getResource("/reference/hier-egopack-small/weights/" + m.fileName()).toURI())));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return files;
    }

    @Test
    void shouldInitialiseAsTheOfficialResetRules() {
        try (NDManager manager = NDManager.newBaseManager();
                HierEgoPackWeights w = HierEgoPackWeights.initialise(HierEgoPackConfig.small(), manager, 7)) {
            final float[] rel = w.get(WeightModule.BACKBONE, "layers.1.module_3.lin_rel.weight").toFloatArray();
            assertEquals(48 * 48, rel.length);
            assertEquals(1f, rel[0]);
            assertEquals(0f, rel[1]);
            assertEquals(1f, rel[49]);
            assertEquals(0f, w.get(WeightModule.BACKBONE, "layers.0.module_1.bias").sum().getFloat());
            assertEquals(48f, w.get(WeightModule.BACKBONE, "layers.2.module_4.weight").sum().getFloat());
            final float prior = (float) -Math.log(0.99 / 0.01);
            for (final float b : w.get(WeightModule.HEAD_MQ, "classifier.cls.bias").toFloatArray()) {
                assertEquals(prior, b, 1e-6);
            }
            final float[] root = w.get(WeightModule.BACKBONE, "layers.0.module_1.lin_root.weight").toFloatArray();
            final double bound = 1 / Math.sqrt(48);
            double max = 0;
            for (final float v : root) {
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max <= bound && max > 0.9 * bound, "kaiming-uniform bound " + bound + ", max " + max);
            final float[] freq = w.get(WeightModule.HEAD_PNR, "pe.frequency").toFloatArray();
            assertEquals(1f, freq[0]);
            assertEquals(1e-4f, freq[23], 1e-10);
        }
    }

    @Test
    void shouldBeSeeded() {
        try (NDManager manager = NDManager.newBaseManager();
                HierEgoPackWeights a = HierEgoPackWeights.initialise(HierEgoPackConfig.small(), manager, 1);
                HierEgoPackWeights b = HierEgoPackWeights.initialise(HierEgoPackConfig.small(), manager, 1);
                HierEgoPackWeights c = HierEgoPackWeights.initialise(HierEgoPackConfig.small(), manager, 2)) {
            assertEquals(a.toNpy(), b.toNpy());
            assertFalse(a.toNpy().equals(c.toNpy()));
        }
    }

    @Test
    void shouldLoadTheReferenceWeightsAndExportThemUnchanged() throws Exception {
        final Map<WeightModule, Map<String, NpyArray>> files = referenceSmallWeights();
        try (NDManager manager = NDManager.newBaseManager();
                HierEgoPackWeights w = HierEgoPackWeights.fromNpy(HierEgoPackConfig.small(), manager, files)) {
            assertEquals(files, w.toNpy());
            final float[] expected = files.get(WeightModule.HEAD_AR).get("verb_classifier.cls.bias").toFloats();
            assertArrayEquals(expected, w.get(WeightModule.HEAD_AR, "verb_classifier.cls.bias").toFloatArray());
            final long trainable = w.trainableParameters().stream().mapToLong(a -> a.size()).sum();
            assertEquals(ParameterCounts.of(HierEgoPackConfig.small()).trainable(), trainable);
        }
    }

    @Test
    void shouldNameFileKeyAndShapesOfAMismatch() throws Exception {
        final Map<WeightModule, Map<String, NpyArray>> files = referenceSmallWeights();
        final Map<String, NpyArray> ar = new LinkedHashMap<>(files.get(WeightModule.HEAD_AR));
        ar.put("verb_classifier.cls.bias", NpyArray.ofFloats(new long[] {8}, new float[8]));
        files.put(WeightModule.HEAD_AR, ar);
        try (NDManager manager = NDManager.newBaseManager()) {
            final ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> HierEgoPackWeights.fromNpy(HierEgoPackConfig.small(), manager, files));
            assertEquals("head_ar.npz: key 'verb_classifier.cls.bias' has shape (8,), expected (7,)", e.getMessage());
        }
    }
}
