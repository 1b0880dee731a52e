package io.egostream.model.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedModelTest {

    @TempDir Path tmp;

    @Test
    void theShippedModelShouldLoadWithEveryHeadFor256DimensionalFeatures() throws Exception {
        assertTrue(ShippedModel.available());
        try (NDManager m = NDManager.newBaseManager(); HierEgoPackModel model = ShippedModel.load(m)) {
            assertEquals(List.of(Task.values()), model.config().heads());
            assertEquals(256, model.config().inputDim());
            assertEquals(97, model.vocabularies().verbs().size());
            assertEquals("take", model.vocabularies().verbs().get(0));
            assertEquals(300, model.vocabularies().nouns().size());
            assertEquals(97, model.vocabularies().mqClasses().size());
        }
    }

    @Test
    void extractingShouldGiveAModelDirectoryWithEveryListedFile() throws Exception {
        final Path dir = ShippedModel.extract(tmp.resolve("m"));
        for (final String f : ShippedModel.files()) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        assertEquals("egostream-default", ModelDirectory.readManifest(dir).modelId());
    }
}
