package io.egostream.stream.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.model.domain.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an empty {@code model.dir} loads, on the real PyTorch engine. */
class ModelLoaderTest {

    @Test
    void defaultsLoadTheTrainedModelShippedWithEgoStream() {
        final EgoStreamConfig config = ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_DEVICE", "cpu"));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            final ModelLoader.Loaded loaded = ModelLoader.load(config.model(), manager);
            assertFalse(loaded.untrained());
            assertEquals("egostream-default", loaded.model().id());
            assertEquals(loaded.model().id(), loaded.ref().id());
            assertTrue(loaded.ref().version().startsWith("shipped-sha256-"), loaded.ref().version());
            assertEquals(256, loaded.model().config().inputDim());
            for (final Task task : Task.values()) {
                assertTrue(loaded.model().config().heads().contains(task), "shipped model lacks head " + task);
            }
            loaded.model().close();
        }
    }

    @Test
    void shippedModelWithAnotherFeatureDimensionStopsNamingBothValues() {
        final EgoStreamConfig config = ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_DEVICE", "cpu",
                "EGOSTREAM_MODEL_FEATURE_DIM", "32"));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            final ModelLoadException e = assertThrows(ModelLoadException.class,
                    () -> ModelLoader.load(config.model(), manager));
            assertTrue(e.getMessage().contains("model.preset shipped"), e.getMessage());
            assertTrue(e.getMessage().contains("256-d"), e.getMessage());
            assertTrue(e.getMessage().contains("model.feature-dim is 32"), e.getMessage());
        }
    }

    @Test
    void anEgoPackModelWithANovelTaskIsRefusedNamingIt(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir)
            throws Exception {
        final io.egostream.model.nn.HierEgoPackConfig small = io.egostream.model.nn.HierEgoPackConfig.small();
        final io.egostream.model.nn.HierEgoPackConfig withNovelMq = small.withHeads(small.heads(),
                new io.egostream.model.nn.EgoPackConfig(24, 8, 2, 1, 20, java.util.List.of(Task.AR, Task.LTA,
                        Task.OSCC, Task.PNR)));
        assertEquals(java.util.List.of(Task.MQ), ModelLoader.egoPackNovelTasks(withNovelMq));
        assertTrue(ModelLoader.egoPackNovelTasks(small).isEmpty(), "every head a support task: no fusion");
        final java.nio.file.Path modelDir = dir.resolve("egopack");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            final io.egostream.model.nn.HierEgoPackModel model = new io.egostream.model.nn.HierEgoPackModel(
                    "egopack-mq", io.egostream.model.nn.Vocabularies.placeholders(withNovelMq),
                    io.egostream.model.nn.HierEgoPackWeights.initialise(withNovelMq, manager, 1));
            io.egostream.model.nn.ModelDirectory.save(modelDir, model);
            model.close();
            final EgoStreamConfig config = ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_DEVICE", "cpu",
                    "EGOSTREAM_MODEL_DIR", modelDir.toString(), "EGOSTREAM_MODEL_FEATURE_DIM", "32"));
            final ModelLoadException e = assertThrows(ModelLoadException.class,
                    () -> ModelLoader.load(config.model(), manager));
            assertTrue(e.getMessage().contains("EgoPack") && e.getMessage().contains("[MQ]"), e.getMessage());
        }
    }

    @Test
    void anArchitecturePresetRunsUntrainedWeights() {
        final EgoStreamConfig config = ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_DEVICE", "cpu",
                "EGOSTREAM_MODEL_PRESET", "small", "EGOSTREAM_MODEL_FEATURE_DIM", "32"));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            final ModelLoader.Loaded loaded = ModelLoader.load(config.model(), manager);
            assertTrue(loaded.untrained());
            assertEquals("hier-egopack-small-untrained", loaded.ref().id());
            assertEquals(32, loaded.model().config().inputDim());
            loaded.model().close();
        }
    }
}
