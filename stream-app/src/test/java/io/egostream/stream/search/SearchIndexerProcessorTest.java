package io.egostream.stream.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.videotext.SearchEntry;
import io.egostream.model.videotext.SearchLevel;
import io.egostream.model.videotext.VideoTextEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search indexer on in-memory stores: chunks and windows, provisional then final, the horizon, sessions, and a
 * restore (a new processor over the same stores rebuilds the same index).
 */
class SearchIndexerProcessorTest {

    private static final String CAM = "cam-1";
    private static final SearchIndexerSettings SETTINGS = new SearchIndexerSettings("emb", "cur",
            SearchTesting.STRIDE, 30_000);
    private final VideoTextEncoder encoder = new VideoTextEncoder(SearchTesting.MODEL);
    private MockProcessorContext<Void, Void> context;
    private KeyValueStore<Bytes, byte[]> embeddings;
    private KeyValueStore<String, byte[]> cursors;
    private LiveSearch search;
    private SearchIndexerProcessor processor;

    @BeforeEach
    void setUp() {
        start(60);
    }

    private void start(final double horizonMinutes) {
        context = new MockProcessorContext<>();
        embeddings = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("emb"), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        cursors = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("cur"), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        embeddings.init(context.getStateStoreContext(), embeddings);
        cursors.init(context.getStateStoreContext(), cursors);
        context.addStateStore(embeddings);
        context.addStateStore(cursors);
        search = SearchTesting.search(horizonMinutes);
        processor = new SearchIndexerProcessor(SETTINGS, encoder, search.index());
        processor.init(context);
    }

    private static long captureMs(final long index) {
        return 1_000_000 + 500 * index;
    }

    private void frames(final String camera, final long session, final long from, final long to) {
        for (long i = from; i <= to; i++) {
            processor.process(new Record<>(camera, new FeatureFrame(camera, session, i, captureMs(i),
                    SearchTesting.features(camera, session, i)), captureMs(i)));
        }
    }

    private List<float[]> raw(final long session, final long from, final long to) {
        final List<float[]> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(SearchTesting.features(CAM, session, i));
        }
        return out;
    }

    private List<SearchEntry> entries(final SearchLevel level) {
        return search.index().entries(CAM, level);
    }

    private int stored() {
        int n = 0;
        try (KeyValueIterator<Bytes, byte[]> it = embeddings.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void chunksBecomeFinalWhenTheirLastFrameArrives() {
        frames(CAM, 0, 0, 13);
        final List<SearchEntry> segments = entries(SearchLevel.SEGMENT);
        assertEquals(4, segments.size());
        for (int k = 0; k < 3; k++) {
            final SearchEntry e = segments.get(k);
            assertTrue(e.isFinal(), "chunk " + k);
            assertEquals(4L * k, e.firstFrame());
            assertEquals(4L * k + 3, e.lastFrame());
            assertEquals(2.0 * k, e.startSeconds(), 1e-9);
            assertEquals(2.0 * k + 2, e.endSeconds(), 1e-9);
            assertEquals(captureMs(4L * k), e.startCaptureMs());
            assertEquals(captureMs(4L * k + 3), e.endCaptureMs());
            assertArrayEquals(encoder.segmentEmbedding(encoder.segmentState(raw(0, 4L * k, 4L * k + 3))),
                    e.embedding(), 1e-6f);
        }
        final SearchEntry open = segments.get(3);
        assertFalse(open.isFinal());
        assertEquals(12, open.firstFrame());
        assertEquals(13, open.lastFrame());
        assertArrayEquals(encoder.segmentEmbedding(encoder.segmentState(raw(0, 12, 13))), open.embedding(), 1e-6f);
        assertEquals(3, stored(), "only final chunks are stored");
    }

    @Test
    void windowsAggregateTheirChunksProvisionalThenFinal() {
        frames(CAM, 0, 0, 11); // chunks 0..2 done: windows [0,4) and [2,6) are open
        List<SearchEntry> windows = entries(SearchLevel.WINDOW);
        assertEquals(2, windows.size());
        assertFalse(windows.get(0).isFinal());
        assertEquals(11, windows.get(0).lastFrame());
        frames(CAM, 0, 12, 15); // chunk 3 done: [0,4) final, [2,6) still open
        windows = entries(SearchLevel.WINDOW);
        assertEquals(2, windows.size());
        final SearchEntry first = windows.get(0);
        assertTrue(first.isFinal());
        assertEquals(0, first.firstFrame());
        assertEquals(15, first.lastFrame());
        assertEquals(8.0, first.endSeconds(), 1e-9);
        final List<float[]> states = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            states.add(encoder.segmentState(raw(0, 4L * k, 4L * k + 3)));
        }
        assertArrayEquals(encoder.windowEmbedding(states), first.embedding(), 1e-6f);
        assertFalse(windows.get(1).isFinal());
        assertEquals(8, windows.get(1).firstFrame());
        assertArrayEquals(encoder.windowEmbedding(states.subList(2, 4)), windows.get(1).embedding(), 1e-6f);
    }

    @Test
    void endOfStreamFinalisesTheOpenChunkAndWindows() {
        frames(CAM, 0, 0, 13);
        processor.process(new Record<>(CAM, new EndOfStream(CAM, 0, 14, captureMs(14)), captureMs(14)));
        assertTrue(entries(SearchLevel.SEGMENT).stream().allMatch(SearchEntry::isFinal));
        final List<SearchEntry> windows = entries(SearchLevel.WINDOW);
        assertTrue(windows.stream().allMatch(SearchEntry::isFinal), windows.toString());
        assertEquals(List.of(0L, 8L), windows.stream().map(SearchEntry::firstFrame).toList());
        assertEquals(13, windows.get(0).lastFrame());
        assertNull(cursors.get(CAM));
    }

    @Test
    void restoreRebuildsTheSameIndexFromTheStores() {
        frames(CAM, 0, 0, 21);
        final List<SearchEntry> segments = entries(SearchLevel.SEGMENT);
        final List<SearchEntry> windows = entries(SearchLevel.WINDOW);
        processor.close();
        assertTrue(search.index().cameras().isEmpty(), "closing the task drops its cameras from the index");
        final SearchIndexerProcessor restored = new SearchIndexerProcessor(SETTINGS, encoder, search.index());
        restored.init(context);
        assertSameEntries(segments, entries(SearchLevel.SEGMENT));
        assertSameEntries(windows, entries(SearchLevel.WINDOW));
        // And it goes on from the stored cursor: frames 22, 23 finish chunk 5 as if nothing happened.
        processor = restored;
        frames(CAM, 0, 22, 23);
        final SearchEntry chunk5 = entries(SearchLevel.SEGMENT).get(5);
        assertTrue(chunk5.isFinal());
        assertArrayEquals(encoder.segmentEmbedding(encoder.segmentState(raw(0, 20, 23))), chunk5.embedding(), 1e-6f);
    }

    private static void assertSameEntries(final List<SearchEntry> expected, final List<SearchEntry> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            final SearchEntry a = expected.get(i);
            final SearchEntry b = actual.get(i);
            assertEquals(Arrays.asList(a.firstFrame(), a.lastFrame(), a.isFinal(), a.startCaptureMs(), a.endCaptureMs()),
                    Arrays.asList(b.firstFrame(), b.lastFrame(), b.isFinal(), b.startCaptureMs(), b.endCaptureMs()));
            assertArrayEquals(a.embedding(), b.embedding(), 1e-6f);
        }
    }

    @Test
    void repeatedAndOlderFramesAreSkippedAndANewSessionClosesTheOld() {
        frames(CAM, 1, 0, 5);
        final List<SearchEntry> before = entries(SearchLevel.SEGMENT);
        frames(CAM, 1, 3, 5);   // repeats
        frames(CAM, 0, 6, 9);   // an older session
        assertSameEntries(before, entries(SearchLevel.SEGMENT));
        frames(CAM, 2, 0, 1);   // a newer session: session 1's open chunk becomes final
        final List<SearchEntry> all = entries(SearchLevel.SEGMENT);
        assertEquals(List.of(1L, 1L, 2L), all.stream().map(SearchEntry::sessionId).toList());
        assertTrue(all.get(1).isFinal());
        assertEquals(5, all.get(1).lastFrame());
        assertFalse(all.get(2).isFinal());
    }

    @Test
    void aGapFinalisesTheChunkItLeaves() {
        frames(CAM, 0, 0, 5);
        frames(CAM, 0, 13, 15);
        final List<SearchEntry> s = entries(SearchLevel.SEGMENT);
        assertEquals(List.of(0L, 4L, 12L), s.stream().map(SearchEntry::firstFrame).toList());
        assertTrue(s.get(1).isFinal());
        assertEquals(5, s.get(1).lastFrame());
        assertArrayEquals(encoder.segmentEmbedding(encoder.segmentState(raw(0, 4, 5))), s.get(1).embedding(), 1e-6f);
        assertTrue(s.get(2).isFinal());
        assertEquals(captureMs(13), s.get(2).startCaptureMs());
    }

    @Test
    void horizonDropsOldEntriesFromIndexAndStore() {
        start(0.2); // 12 s; one window is 8 s
        frames(CAM, 0, 0, 119); // 60 s, 30 chunks
        final List<SearchEntry> segments = entries(SearchLevel.SEGMENT);
        final long newest = captureMs(119);
        assertTrue(segments.stream().allMatch(e -> e.endCaptureMs() >= newest - 12_000), segments.toString());
        assertEquals(7, segments.size()); // chunks ending at or after 48 s: 24..29 (+ nothing open)
        final List<KeyValue<Bytes, byte[]>> left = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = embeddings.all()) {
            it.forEachRemaining(left::add);
        }
        assertEquals(entries(SearchLevel.SEGMENT).size() + entries(SearchLevel.WINDOW).stream()
                .filter(SearchEntry::isFinal).count(), left.size());
    }

    @Test
    void idleCameraIsClosedByStreamTime() {
        frames(CAM, 0, 0, 5);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(captureMs(5) + 30_001);
        assertTrue(entries(SearchLevel.SEGMENT).stream().allMatch(SearchEntry::isFinal));
        assertNull(cursors.get(CAM));
    }
}
