package io.egostream.stream.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.model.videotext.SearchEntry;
import io.egostream.model.videotext.SearchLevel;
import io.egostream.stream.http.AnalyzerHttpServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/search} on two HTTP servers, each with its own index of its own cameras: the union comes back
 * from either, a camera is asked of its owner only, a missing instance is reported, bad parameters get a 400
 * naming them. (The Kafka Streams metadata is replaced by a fixed directory here; the IT uses the real one.)
 */
class SearchRoutesTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final Map<String, HostInfo> owners = new ConcurrentHashMap<>();
    private LiveSearch searchA;
    private LiveSearch searchB;
    private AnalyzerHttpServer a;
    private AnalyzerHttpServer b;
    private HostInfo hostA;
    private HostInfo hostB;

    private final class FixedPeers implements SearchPeers {
        private final boolean isA;

        FixedPeers(final boolean isA) {
            this.isA = isA;
        }

        @Override
        public Optional<HostInfo> self() {
            return Optional.ofNullable(isA ? hostA : hostB);
        }

        @Override
        public Set<HostInfo> all() {
            return new LinkedHashSet<>(List.of(hostA, hostB));
        }

        @Override
        public Optional<HostInfo> ownerOf(final String cameraId) {
            return Optional.ofNullable(owners.get(cameraId));
        }
    }

    private AnalyzerHttpServer start(final LiveSearch search, final boolean isA) {
        final SearchFanOut fanOut = new SearchFanOut(search, new FixedPeers(isA), CLIENT, Duration.ofSeconds(2));
        return AnalyzerHttpServer.start("127.0.0.1", 0, () -> KafkaStreams.State.RUNNING, null, () -> null,
                (vertx, router) -> new SearchRoutes(search, fanOut).register(vertx, router));
    }

    private static float[] text(final String q) {
        return SearchTesting.TEXT.embed(List.of(q))[0];
    }

    private static SearchEntry entry(final String camera, final long first, final float[] embedding) {
        return new SearchEntry(camera, 0, SearchLevel.SEGMENT, first, first + 3, first * 0.5, (first + 4) * 0.5,
                1_000 + first * 500, 1_000 + (first + 3) * 500, true, embedding);
    }

    private static float[] noise(final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] v = new float[SearchTesting.CONFIG.textDim()];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) r.nextGaussian();
        }
        return io.egostream.model.videotext.VideoTextEncoder.unit(v);
    }

    @BeforeEach
    void setUp() {
        searchA = SearchTesting.search(60);
        searchB = SearchTesting.search(60);
        for (int i = 0; i < 5; i++) {
            searchA.index().put(entry("a-1", 4L * i, noise(i)));
            searchB.index().put(entry("b-1", 4L * i, noise(100 + i)));
        }
        searchB.index().put(entry("b-1", 40, text("cut onion"))); // the best match lives on B
        a = start(searchA, true);
        b = start(searchB, false);
        hostA = new HostInfo("127.0.0.1", a.port());
        hostB = new HostInfo("127.0.0.1", b.port());
        owners.put("a-1", hostA);
        owners.put("b-1", hostB);
    }

    @AfterEach
    void tearDown() {
        a.close();
        b.close();
    }

    private static HttpResponse<String> get(final AnalyzerHttpServer server, final String query) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/search?"
                + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(final String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void eitherInstanceReturnsTheUnionOfBothIndexes() throws Exception {
        for (final AnalyzerHttpServer server : List.of(a, b)) {
            final HttpResponse<String> r = get(server, q("cut onion") + "&k=20");
            assertEquals(200, r.statusCode(), r.body());
            final JsonNode json = new ObjectMapper().readTree(r.body());
            assertEquals(2, json.get("instances").get("asked").asInt());
            assertTrue(json.get("complete").asBoolean());
            final JsonNode results = json.get("results");
            assertEquals(11, results.size());
            final JsonNode best = results.get(0);
            assertEquals("b-1", best.get("camera").asText());
            assertEquals(40, best.get("frames").get("first").asInt());
            assertEquals(1.0, best.get("score").asDouble(), 1e-5);
            assertTrue(best.get("final").asBoolean());
            assertEquals(20.0, best.get("time").get("startSeconds").asDouble(), 1e-9);
            assertEquals(21_000, best.get("time").get("startCaptureTimeMs").asLong());
            final Set<String> cameras = new java.util.TreeSet<>();
            results.forEach(n -> cameras.add(n.get("camera").asText()));
            assertEquals(Set.of("a-1", "b-1"), cameras);
            for (int i = 1; i < results.size(); i++) {
                assertTrue(results.get(i - 1).get("score").asDouble() >= results.get(i).get("score").asDouble());
            }
        }
    }

    @Test
    void kLimitsTheMergedList() throws Exception {
        final JsonNode json = new ObjectMapper().readTree(get(a, q("cut onion") + "&k=3").body());
        assertEquals(3, json.get("results").size());
        assertEquals("b-1", json.get("results").get(0).get("camera").asText());
    }

    @Test
    void aCameraIsAskedOfItsOwnerOnly() throws Exception {
        final JsonNode json = new ObjectMapper().readTree(get(a, q("cut onion") + "&camera=b-1").body());
        assertEquals(1, json.get("instances").get("asked").asInt());
        json.get("results").forEach(n -> assertEquals("b-1", n.get("camera").asText()));
        assertEquals(6, json.get("results").size());
        final JsonNode own = new ObjectMapper().readTree(get(a, q("cut onion") + "&camera=a-1").body());
        own.get("results").forEach(n -> assertEquals("a-1", n.get("camera").asText()));
    }

    @Test
    void aMissingInstanceIsReportedAndTheRestAnswered() throws Exception {
        b.close();
        final HttpResponse<String> r = get(a, q("cut onion"));
        assertEquals(200, r.statusCode());
        final JsonNode json = new ObjectMapper().readTree(r.body());
        assertFalse(json.get("complete").asBoolean());
        assertEquals(1, json.get("instances").get("failed").size());
        assertTrue(json.get("instances").get("failed").get(0).asText().startsWith("127.0.0.1:" + hostB.port()),
                r.body());
        json.get("results").forEach(n -> assertEquals("a-1", n.get("camera").asText()));
    }

    @Test
    void cameraWithoutActiveOwnerIs503() throws Exception {
        final HttpResponse<String> r = get(a, q("cut onion") + "&camera=nobody");
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("camera 'nobody' has no active analyzer instance"), r.body());
    }

    @Test
    void badParametersAre400NamingTheProblem() throws Exception {
        assertBad("", "query parameter q is missing");
        assertBad("q=", "query parameter q is empty");
        assertBad("q=%20%20", "query parameter q is empty");
        assertBad(q("x".repeat(51)), "query parameter q has 51 characters; at most 50 are allowed");
        assertBad(q("cut onion") + "&k=0", "query parameter k must be in [1, 20]");
        assertBad(q("cut onion") + "&k=21", "query parameter k must be in [1, 20]");
        assertBad(q("cut onion") + "&k=ten", "query parameter k must be an integer in [1, 20], got 'ten'");
        assertBad(q("cut onion") + "&level=clip", "query parameter level must be one of [segment, window], got 'clip'");
        assertBad(q("cut onion") + "&since=yesterday", "query parameter since must be ms since the epoch or an "
                + "ISO-8601 instant");
        assertBad(q("cut onion") + "&camera=", "query parameter camera is empty");
    }

    private void assertBad(final String query, final String message) throws Exception {
        final HttpResponse<String> r = get(a, query);
        assertEquals(400, r.statusCode(), query + " -> " + r.body());
        final String error = new ObjectMapper().readTree(r.body()).get("error").asText();
        assertTrue(error.contains(message), error);
    }

    @Test
    void sinceAndLevelFilter() throws Exception {
        // Entries end at 1000 + (first + 3) * 500 ms: since 20 000 keeps a-1's none (max 9 500 + 1 000) and b-1's first 40.
        final JsonNode json = new ObjectMapper().readTree(get(a, q("cut onion") + "&since=20000").body());
        assertEquals(1, json.get("results").size());
        final JsonNode iso = new ObjectMapper().readTree(get(a, q("cut onion") + "&since=1970-01-01T00:00:20Z").body());
        assertEquals(1, iso.get("results").size());
        final JsonNode windows = new ObjectMapper().readTree(get(a, q("cut onion") + "&level=window").body());
        assertEquals(0, windows.get("results").size());
        assertEquals("window", windows.get("query").get("level").asText());
    }
}
