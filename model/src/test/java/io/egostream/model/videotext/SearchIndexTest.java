package io.egostream.model.videotext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static float[] unit(final float... v) {
        return VideoTextEncoder.unit(v);
    }

    private static SearchEntry entry(final String camera, final SearchLevel level, final long first,
            final long captureMs, final boolean isFinal, final float... embedding) {
        return new SearchEntry(camera, 0, level, first, first + 7, first / 1.875, (first + 8) / 1.875, captureMs,
                captureMs + 4000, isFinal, unit(embedding));
    }

    private static SearchRequest all(final float[] query, final int k) {
        return new SearchRequest(unit(query), null, Long.MIN_VALUE, SearchLevel.SEGMENT, k);
    }

    @Test
    void shouldReturnTopKByCosineBestFirst() {
        final SearchIndex index = new SearchIndex(2, 3_600_000, 1000);
        index.put(entry("a", SearchLevel.SEGMENT, 0, 0, true, 1, 0));      // cos 0.7071 to (1,1)
        index.put(entry("a", SearchLevel.SEGMENT, 8, 4000, true, 1, 1));   // cos 1
        index.put(entry("b", SearchLevel.SEGMENT, 0, 0, true, -1, 0));     // cos -0.7071
        index.put(entry("b", SearchLevel.SEGMENT, 8, 4000, true, 0, 1));   // cos 0.7071
        final List<SearchHit> hits = index.search(all(new float[] {1, 1}, 3));
        assertEquals(3, hits.size());
        assertEquals(1.0, hits.get(0).score(), 1e-6);
        assertEquals(8, hits.get(0).entry().firstFrame());
        assertEquals("a", hits.get(0).entry().cameraId());
        // Ties broken by camera id: a before b.
        assertEquals(Math.sqrt(0.5), hits.get(1).score(), 1e-6);
        assertEquals("a", hits.get(1).entry().cameraId());
        assertEquals("b", hits.get(2).entry().cameraId());
    }

    @Test
    void filtersByCameraLevelAndSince() {
        final SearchIndex index = new SearchIndex(2, 3_600_000, 1000);
        index.put(entry("a", SearchLevel.SEGMENT, 0, 1000, true, 1, 0));
        index.put(entry("a", SearchLevel.SEGMENT, 8, 9000, true, 1, 0));
        index.put(entry("a", SearchLevel.WINDOW, 0, 1000, true, 1, 0));
        index.put(entry("b", SearchLevel.SEGMENT, 0, 1000, true, 1, 0));
        final float[] q = unit(1, 0);
        assertEquals(2, index.search(new SearchRequest(q, "a", Long.MIN_VALUE, SearchLevel.SEGMENT, 10)).size());
        assertEquals(1, index.search(new SearchRequest(q, "a", Long.MIN_VALUE, SearchLevel.WINDOW, 10)).size());
        assertEquals(0, index.search(new SearchRequest(q, "nobody", Long.MIN_VALUE, SearchLevel.SEGMENT, 10)).size());
        // since compares with the span's end capture time (start + 4000 here).
        final List<SearchHit> recent = index.search(new SearchRequest(q, null, 6000, SearchLevel.SEGMENT, 10));
        assertEquals(1, recent.size());
        assertEquals(8, recent.get(0).entry().firstFrame());
    }

    @Test
    void provisionalEntryIsReplacedBySameSpanInPlace() {
        final SearchIndex index = new SearchIndex(2, 3_600_000, 1000);
        index.put(entry("a", SearchLevel.SEGMENT, 0, 0, false, 0, 1));
        index.put(entry("a", SearchLevel.SEGMENT, 0, 0, true, 1, 0));
        final List<SearchEntry> entries = index.entries("a", SearchLevel.SEGMENT);
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).isFinal());
        assertEquals(1.0, index.search(all(new float[] {1, 0}, 1)).get(0).score(), 1e-6);
    }

    @Test
    void horizonDropsEntriesOlderThanNewestMinusHorizon() {
        final SearchIndex index = new SearchIndex(2, 10_000, 1000);
        final List<SearchEntry> dropped = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            dropped.addAll(index.put(entry("a", SearchLevel.SEGMENT, 8L * i, 4000L * i, true, 1, i)));
        }
        // Newest ends at 36000 + 4000 = 40000; kept: end >= 30000, i.e. starts 28000, 32000, 36000.
        final List<SearchEntry> kept = index.entries("a", SearchLevel.SEGMENT);
        assertEquals(3, kept.size());
        assertEquals(7 * 8, kept.get(0).firstFrame());
        assertEquals(7, dropped.size());
        assertEquals(0, dropped.get(0).firstFrame());
    }

    @Test
    void entryCapBoundsACameraWhateverItsClock() {
        final SearchIndex index = new SearchIndex(2, 3_600_000, 5);
        for (int i = 0; i < 50; i++) {
            index.put(entry("a", SearchLevel.SEGMENT, 8L * i, 0, true, 1, 0)); // a stuck clock
        }
        assertEquals(5, index.entries("a", SearchLevel.SEGMENT).size());
        assertEquals(45 * 8, index.entries("a", SearchLevel.SEGMENT).get(0).firstFrame());
        assertEquals(5L * (4 * 2 + SearchIndex.ENTRY_OVERHEAD_BYTES), index.estimatedBytes());
    }

    @Test
    void mergingPerInstanceResultsEqualsOneSearchOverAll() {
        final SplittableRandom r = new SplittableRandom(1);
        final SearchIndex whole = new SearchIndex(8, 3_600_000, 1000);
        final SearchIndex first = new SearchIndex(8, 3_600_000, 1000);
        final SearchIndex second = new SearchIndex(8, 3_600_000, 1000);
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < 20; i++) {
                final float[] v = new float[8];
                for (int d = 0; d < 8; d++) {
                    v[d] = (float) r.nextGaussian();
                }
                final SearchEntry e = entry("cam-" + c, SearchLevel.SEGMENT, 8L * i, 4000L * i, true, v);
                whole.put(e);
                (c % 2 == 0 ? first : second).put(e);
            }
        }
        final float[] q = new float[8];
        for (int d = 0; d < 8; d++) {
            q[d] = (float) r.nextGaussian();
        }
        final SearchRequest request = all(q, 7);
        final List<SearchHit> merged = SearchIndex.merge(List.of(first.search(request), second.search(request)), 7);
        assertEquals(whole.search(request), merged);
        assertEquals(Set.of("cam-0", "cam-2", "cam-4"), first.cameras());
    }

    @Test
    void mergeKeepsOneVersionOfASpan() {
        final SearchHit a = new SearchHit(entry("a", SearchLevel.SEGMENT, 0, 0, true, 1, 0), 0.9);
        final SearchHit stale = new SearchHit(entry("a", SearchLevel.SEGMENT, 0, 0, false, 1, 0), 0.5);
        final List<SearchHit> merged = SearchIndex.merge(List.of(List.of(a), List.of(stale)), 5);
        assertEquals(List.of(a), merged);
    }

    @Test
    void removeCameraForgetsIt() {
        final SearchIndex index = new SearchIndex(2, 3_600_000, 1000);
        index.put(entry("a", SearchLevel.SEGMENT, 0, 0, true, 1, 0));
        index.put(entry("b", SearchLevel.SEGMENT, 0, 0, true, 1, 0));
        index.removeCamera("a");
        assertEquals(Set.of("b"), index.cameras());
        assertFalse(index.search(all(new float[] {1, 0}, 5)).stream().anyMatch(h -> h.entry().cameraId().equals("a")));
    }

    @Test
    void wrongDimensionsAreNamed() {
        final SearchIndex index = new SearchIndex(3, 1000, 10);
        final IllegalArgumentException put = assertThrows(IllegalArgumentException.class,
                () -> index.put(entry("a", SearchLevel.SEGMENT, 0, 0, true, 1, 0)));
        assertTrue(put.getMessage().contains("camera 'a' has 2 values"), put.getMessage());
        final IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
                () -> index.search(all(new float[] {1, 0}, 1)));
        assertTrue(query.getMessage().contains("query embedding has 2 values"), query.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest(new float[3], null, 0,
                SearchLevel.SEGMENT, 0));
        final IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> SearchLevel.parse("clip"));
        assertEquals("level must be one of [segment, window], got 'clip'", level.getMessage());
    }
}
