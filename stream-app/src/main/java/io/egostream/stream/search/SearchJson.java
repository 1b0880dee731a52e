package io.egostream.stream.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.model.videotext.SearchEntry;
import io.egostream.model.videotext.SearchHit;
import io.egostream.model.videotext.SearchLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search results as JSON. A result:
 * <pre>
 * {"camera": "camera-1", "sessionId": 0, "level": "segment", "score": 0.61, "final": true,
 *  "frames": {"first": 120, "last": 127},
 *  "time": {"startSeconds": 64.0, "endSeconds": 68.267, "startCaptureTimeMs": ..., "endCaptureTimeMs": ...}}
 * </pre>
 */
public final class SearchJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SearchJson() {
    }

    /**
     * One result as a JSON-able map.
     *
     * @param h the hit
     * @return its fields
     */
    public static Map<String, Object> result(final SearchHit h) {
        final SearchEntry e = h.entry();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("camera", e.cameraId());
        m.put("sessionId", e.sessionId());
        m.put("level", e.level().id());
        m.put("score", h.score());
        m.put("final", e.isFinal());
        final Map<String, Object> frames = new LinkedHashMap<>();
        frames.put("first", e.firstFrame());
        frames.put("last", e.lastFrame());
        m.put("frames", frames);
        final Map<String, Object> t = new LinkedHashMap<>();
        t.put("startSeconds", Math.round(e.startSeconds() * 1000) / 1000.0);
        t.put("endSeconds", Math.round(e.endSeconds() * 1000) / 1000.0);
        t.put("startCaptureTimeMs", e.startCaptureMs());
        t.put("endCaptureTimeMs", e.endCaptureMs());
        m.put("time", t);
        return m;
    }

    /**
     * Reads the results of a response (without embeddings: they stay on the instance that holds them).
     *
     * @param body a response body of {@code GET /api/search}
     * @return the hits, in the response's order
     * @throws IllegalArgumentException when the body is not such a response
     */
    public static List<SearchHit> readResults(final String body) {
        final JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("search response is not JSON: " + e.getOriginalMessage(), e);
        }
        final JsonNode results = root == null ? null : root.get("results");
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("search response has no results array");
        }
        final List<SearchHit> out = new ArrayList<>();
        for (final JsonNode r : results) {
            final JsonNode t = r.path("time");
            out.add(new SearchHit(new SearchEntry(r.path("camera").asText(), r.path("sessionId").asLong(),
                    SearchLevel.parse(r.path("level").asText()), r.path("frames").path("first").asLong(),
                    r.path("frames").path("last").asLong(), t.path("startSeconds").asDouble(),
                    t.path("endSeconds").asDouble(), t.path("startCaptureTimeMs").asLong(),
                    t.path("endCaptureTimeMs").asLong(), r.path("final").asBoolean(), new float[0]),
                    r.path("score").asDouble()));
        }
        return out;
    }

    /**
     * Writes a value as JSON.
     *
     * @param value maps, lists, numbers, strings
     * @return the text
     */
    public static String write(final Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a search response", e);
        }
    }
}
