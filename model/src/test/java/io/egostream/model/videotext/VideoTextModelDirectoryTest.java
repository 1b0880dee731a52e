package io.egostream.model.videotext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import io.egostream.model.nn.ModelFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoTextModelDirectoryTest {

    private static final VideoTextConfig CONFIG = new VideoTextConfig(6, 4, 5, 4, 2, 3, 1);

    @Test
    void saveThenLoadGivesTheSameModel(@TempDir final Path dir) throws Exception {
        final VideoTextModel model = VideoTextModel.initial("vt-test", CONFIG, 3);
        VideoTextModelDirectory.save(dir, model, Map.of("epochs", 2));
        final VideoTextModel loaded = VideoTextModelDirectory.load(dir);
        assertEquals("vt-test", loaded.modelId());
        assertEquals(CONFIG, loaded.config());
        for (final String name : VideoTextParameters.layout(CONFIG).keySet()) {
            assertArrayEquals(model.weight(name), loaded.weight(name), name);
        }
    }

    @Test
    void shippedModelLoadsWithTheCamerasFeatureSizeAndTheTextSpace() throws Exception {
        final VideoTextModel shipped = VideoTextModelDirectory.loadResource(VideoTextModelDirectory.SHIPPED);
        assertEquals(256, shipped.config().inputDim());
        assertEquals(384, shipped.config().textDim());
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> VideoTextModelDirectory.loadResource("/no/such/folder/"));
        assertTrue(e.getMessage().contains("/no/such/folder/video-text.json is missing"), e.getMessage());
    }

    @Test
    void missingManifestIsNamed(@TempDir final Path dir) {
        final ModelFormatException e = assertThrows(ModelFormatException.class, () -> VideoTextModelDirectory.load(dir));
        assertTrue(e.getMessage().contains("video-text.json: missing"), e.getMessage());
    }

    @Test
    void wrongShapeIsNamed(@TempDir final Path dir) throws Exception {
        VideoTextModelDirectory.save(dir, VideoTextModel.initial("vt-test", CONFIG, 3), Map.of());
        final Map<String, NpyArray> arrays = new LinkedHashMap<>(NpzFile.read(dir.resolve("weights.npz")));
        arrays.put("window.bias", NpyArray.ofFloats(new long[] {3}, new float[3]));
        NpzFile.write(dir.resolve("weights.npz"), arrays);
        final ModelFormatException e = assertThrows(ModelFormatException.class, () -> VideoTextModelDirectory.load(dir));
        assertTrue(e.getMessage().contains("array window.bias is float32 (3,), expected float32 (4,)"), e.getMessage());
    }

    @Test
    void badConfigAndVersionAreNamed(@TempDir final Path dir) throws Exception {
        VideoTextModelDirectory.save(dir, VideoTextModel.initial("vt-test", CONFIG, 3), Map.of());
        final Path manifest = dir.resolve(VideoTextModelDirectory.MANIFEST);
        final String text = Files.readString(manifest, StandardCharsets.UTF_8);
        Files.writeString(manifest, text.replace("\"window_hop_chunks\": 1", "\"window_hop_chunks\": 9"));
        final ModelFormatException hop = assertThrows(ModelFormatException.class, () -> VideoTextModelDirectory.load(dir));
        assertTrue(hop.getMessage().contains("window hop chunks must be in [1, 3], got 9"), hop.getMessage());
        Files.writeString(manifest, text.replace("\"format_version\": 1", "\"format_version\": 2"));
        final ModelFormatException version = assertThrows(ModelFormatException.class,
                () -> VideoTextModelDirectory.load(dir));
        assertTrue(version.getMessage().contains("format_version 2.0 is not supported"), version.getMessage());
    }
}
