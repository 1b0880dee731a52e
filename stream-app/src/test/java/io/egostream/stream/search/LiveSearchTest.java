package io.egostream.stream.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.ConfigLoader;
import io.egostream.model.videotext.SearchEntry;
import io.egostream.model.videotext.SearchLevel;
import io.egostream.model.videotext.VideoTextModelDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSearchTest {

    @Test
    void horizonShorterThanAWindowIsRefused() {
        // A window is 16 frames x 0.5 s = 8 s = 0.133 min.
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchTesting.search(0.1));
        assertEquals("search.horizon-minutes (0.1) must hold one window of the video-text model, 0.13 minutes",
                e.getMessage());
    }

    @Test
    void modelOfAnotherFeatureSizeIsRefusedNamingTheKeys(@TempDir final Path dir) throws Exception {
        VideoTextModelDirectory.save(dir, SearchTesting.MODEL, Map.of());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveSearch.create(
                ConfigLoader.load(null, Map.of("EGOSTREAM_SEARCH_MODEL_DIR", dir.toString()))));
        assertEquals("search.model-dir: the video-text model reads 8-d frames but model.feature-dim is 256",
                e.getMessage());
    }

    @Test
    void missingModelDirIsNamed(@TempDir final Path dir) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveSearch.create(
                ConfigLoader.load(null, Map.of("EGOSTREAM_SEARCH_MODEL_DIR", dir.resolve("none").toString()))));
        assertTrue(e.getMessage().startsWith("search.model-dir: ") && e.getMessage().contains("video-text.json: "
                + "missing"), e.getMessage());
    }

    @Test
    void localSearchEmbedsTheQueryAndRanksByCosine() {
        final LiveSearch s = SearchTesting.search(60);
        final float[] onion = SearchTesting.TEXT.embed(List.of("cut onion"))[0];
        final float[] door = SearchTesting.TEXT.embed(List.of("open door"))[0];
        s.index().put(new SearchEntry("cam", 0, SearchLevel.SEGMENT, 0, 3, 0, 2, 0, 1500, true, door));
        s.index().put(new SearchEntry("cam", 0, SearchLevel.SEGMENT, 4, 7, 2, 4, 2000, 3500, true, onion));
        final var hits = s.searchLocal(new SearchParameters("cut onion", null, Long.MIN_VALUE, SearchLevel.SEGMENT,
                2, true));
        assertEquals(4, hits.get(0).entry().firstFrame());
        assertEquals(1.0, hits.get(0).score(), 1e-6);
    }
}
