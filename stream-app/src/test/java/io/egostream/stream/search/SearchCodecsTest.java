package io.egostream.stream.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.videotext.SearchEntry;
import io.egostream.model.videotext.SearchLevel;
import io.egostream.model.videotext.SegmentPooling;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** Store bytes, cursor bytes and the peer query string round-trip. */
class SearchCodecsTest {

    @Test
    void storedEntryRoundTrips() {
        final SearchEntry e = new SearchEntry("kitchen-ä", 3, SearchLevel.SEGMENT, 16, 23, 8.533, 12.8, 1_000, 4_733,
                true, new float[] {0.6f, 0.8f});
        final float[] state = {1, 2, 3};
        final Bytes key = SearchStoreCodec.key(e);
        final byte[] value = SearchStoreCodec.value(e, state);
        assertEquals(1 + 8 + 8 + 8 + 8 + 8 + 1 + 4 + 4 + 4 * 5, value.length);
        final SearchStoreCodec.Stored back = SearchStoreCodec.decode(key, value);
        assertEquals(e.cameraId(), back.entry().cameraId());
        assertEquals(e.sessionId(), back.entry().sessionId());
        assertEquals(e.level(), back.entry().level());
        assertEquals(e.firstFrame(), back.entry().firstFrame());
        assertEquals(e.lastFrame(), back.entry().lastFrame());
        assertEquals(e.endSeconds(), back.entry().endSeconds());
        assertEquals(e.endCaptureMs(), back.entry().endCaptureMs());
        assertTrue(back.entry().isFinal());
        assertArrayEquals(e.embedding(), back.entry().embedding());
        assertArrayEquals(state, back.state());
        value[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> SearchStoreCodec.decode(key, value));
    }

    @Test
    void keysOrderByCameraLevelSessionAndFrame() {
        final Bytes a = SearchStoreCodec.key("cam", SearchLevel.SEGMENT, 1, 8);
        final Bytes b = SearchStoreCodec.key("cam", SearchLevel.SEGMENT, 1, 16);
        final Bytes c = SearchStoreCodec.key("cam", SearchLevel.SEGMENT, 2, 0);
        final Bytes d = SearchStoreCodec.key("cam", SearchLevel.WINDOW, 0, 0);
        final Bytes e = SearchStoreCodec.key("cam2", SearchLevel.SEGMENT, 0, 0);
        assertTrue(a.compareTo(b) < 0 && b.compareTo(c) < 0 && c.compareTo(d) < 0 && d.compareTo(e) < 0);
    }

    @Test
    void cursorRoundTrips() {
        final SegmentPooling p = new SegmentPooling(2);
        p.add(new float[] {1, 5});
        p.add(new float[] {3, 1});
        final CameraCursor c = new CameraCursor(4, 41, 9_000, 10, 8_500, 9, p);
        final CameraCursor back = CameraCursor.fromBytes(c.toBytes());
        assertEquals(c.sessionId(), back.sessionId());
        assertEquals(c.lastIndex(), back.lastIndex());
        assertEquals(c.chunk(), back.chunk());
        assertEquals(c.lastFinishedChunk(), back.lastFinishedChunk());
        assertArrayEquals(p.meanAndMax(), back.pooling().meanAndMax());
        assertEquals(0, CameraCursor.fromBytes(new CameraCursor(0, 3, 0, 1, 0, 0, new SegmentPooling(2)).toBytes())
                .pooling().frames());
    }

    @Test
    void peerQueryStringParsesBackToTheSameParameters() {
        final Map<String, String> params = new HashMap<>();
        params.put("q", "  cut the onion & pepper ");
        params.put("camera", "kitchen 1");
        params.put("since", "2024-06-10T08:00:00Z");
        params.put("level", "WINDOW");
        params.put("k", "7");
        final SearchParameters p = SearchParameters.parse(params::get, 100, 50);
        assertEquals("cut the onion & pepper", p.query());
        assertEquals(1_718_006_400_000L, p.sinceCaptureMs());
        final Map<String, String> again = new HashMap<>();
        for (final String kv : URI.create("http://x/?" + p.toLocalQueryString()).getRawQuery().split("&")) {
            final String[] parts = kv.split("=", 2);
            again.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        final SearchParameters q = SearchParameters.parse(again::get, 100, 50);
        assertEquals(new SearchParameters(p.query(), p.cameraId(), p.sinceCaptureMs(), p.level(), p.k(), true), q);
    }
}
