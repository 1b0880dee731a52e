package io.egostream.stream.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.SimulatedCamera;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.model.videotext.SearchLevel;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextModel;
import io.egostream.model.videotext.VideoTextModelDirectory;
import io.egostream.stream.app.AnalyzerApp;
import io.egostream.stream.app.InferenceFactory;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live search on a real broker with two analyzer instances of one application: each indexes the cameras of its
 * partitions, either answers {@code /api/search} with the union of both; when one instance stops, the other
 * restores its partitions' search stores from the changelog and answers the same; a whole-application restart on
 * the same state directories answers the same again.
 */
@Timeout(420)
class LiveSearchIT {

    private static final int DIM = 32;
    private static final int CAMERAS = 6;
    private static final int FRAMES = 40;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    private Path tmp;

    @Test
    void twoInstancesAnswerTheUnionAndStateSurvivesRebalanceAndRestart() throws Exception {
        final Path modelDir = tmp.resolve("video-text");
        VideoTextModelDirectory.save(modelDir, VideoTextModel.initial("it-video-text",
                new VideoTextConfig(DIM, 16, 384, 8, 4, 4, 2), 5), Map.of());
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", "search-it");
        env.put("EGOSTREAM_KAFKA_COMMIT_INTERVAL_MS", "100");
        env.put("EGOSTREAM_MODEL_PRESET", "small");
        env.put("EGOSTREAM_MODEL_DEVICE", "cpu");
        env.put("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_HTTP_PORT", "0");
        env.put("EGOSTREAM_TOPICS_PARTITIONS", "4");
        env.put("EGOSTREAM_SEARCH_MODEL_DIR", modelDir.toString());
        final EgoStreamConfig config = ConfigLoader.load(null, env);
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0)) {
            final Map<String, String> before;
            AnalyzerApp one = start(config, broker, "one");
            AnalyzerApp two = start(config, broker, "two");
            try {
                await(() -> one.state() == KafkaStreams.State.RUNNING && two.state() == KafkaStreams.State.RUNNING,
                        "both running after the second joined");
                send(broker, Topics.from(config));
                await(() -> finalEntries(one) + finalEntries(two) >= expectedSegments(), "every chunk indexed");
                final Set<String> onOne = one.search().index().cameras();
                final Set<String> onTwo = two.search().index().cameras();
                assertFalse(onOne.isEmpty(), "instance one owns some cameras");
                assertFalse(onTwo.isEmpty(), "instance two owns some cameras");
                assertTrue(java.util.Collections.disjoint(onOne, onTwo), onOne + " / " + onTwo);

                before = results(one, "q=cut+onion&k=100");
                assertEquals(before, results(two, "q=cut+onion&k=100"), "either instance answers the same");
                assertEquals(CAMERAS, camerasOf(before).size(), before.keySet().toString());
                final JsonNode body = get(one, "q=cut+onion&k=100");
                assertEquals(2, body.get("instances").get("asked").asInt());
                assertTrue(body.get("complete").asBoolean());
                final String remoteCamera = onTwo.iterator().next();
                final Map<String, String> single = results(one, "q=cut+onion&k=100&camera=" + remoteCamera);
                assertEquals(Set.of(remoteCamera), camerasOf(single), "a camera is asked of its owner");
                assertEquals(400, getStatus(one, "q=%20"));

                two.close();
                await(() -> one.search().index().cameras().size() == CAMERAS, "instance one took every camera");
                assertEquals(before, results(one, "q=cut+onion&k=100"), "after the rebalance (restored stores)");
            } finally {
                two.close();
                one.close();
            }
            // The whole application restarts on the same state directories.
            final AnalyzerApp again = start(config, broker, "one");
            try {
                await(() -> again.search().index().cameras().size() == CAMERAS, "restarted instance indexed again");
                assertEquals(before, results(again, "q=cut+onion&k=100"), "after a restart");
            } finally {
                again.close();
            }
        }
    }

    private AnalyzerApp start(final EgoStreamConfig config, final LocalKafkaBroker broker, final String name)
            throws InterruptedException {
        final AnalyzerApp app = AnalyzerApp.start(config, broker.bootstrapServers(), InferenceFactory.create(config),
                AnalyzerMetrics.withNewRegistry("egostream"), tmp.resolve("state-" + name), LiveSearch.create(config));
        assertTrue(app.awaitRunning(Duration.ofSeconds(120)), "instance " + name + " runs");
        return app;
    }

    private static long expectedSegments() {
        return (long) CAMERAS * (FRAMES / 4);
    }

    private static long finalEntries(final AnalyzerApp app) {
        long n = 0;
        for (final String c : app.search().index().cameras()) {
            n += app.search().index().entries(c, SearchLevel.SEGMENT).stream().filter(e -> e.isFinal()).count();
        }
        return n;
    }

    private static void send(final LocalKafkaBroker broker, final Topics topics) {
        final CameraFleet fleet = CameraFleet.create(new SimulationSettings(CAMERAS, 10_000, 3, DIM, true, FRAMES,
                "cam"), EpicKitchensCsv.shipped());
        try (FrameProducer producer = FrameProducer.create(broker.bootstrapServers(), topics.frames().name(),
                Map.of())) {
            long t = 1_718_000_000_000L;
            for (final SimulatedCamera camera : fleet.cameras()) {
                long sent = 0;
                FeatureFrame last = null;
                while (sent < FRAMES) {
                    final CameraRecord r = camera.next(t += 533).orElseThrow();
                    if (r instanceof FeatureFrame f && f.sessionId() == 0) {
                        producer.send(f);
                        last = f;
                        sent++;
                    }
                }
                producer.send(new EndOfStream(last.cameraId(), 0, FRAMES, last.captureTimeMs() + 1));
            }
            producer.flush();
            assertEquals(0, producer.report().failed(), producer.report().summary());
        }
    }

    /** camera|level|first frame|final -> score, of every result. */
    private static Map<String, String> results(final AnalyzerApp app, final String query) throws Exception {
        final JsonNode body = get(app, query);
        assertTrue(body.get("complete").asBoolean(), body.toString());
        final Map<String, String> out = new TreeMap<>();
        for (final JsonNode r : body.get("results")) {
            out.put(r.get("camera").asText() + "|" + r.get("level").asText() + "|" + r.get("frames").get("first")
                    + "|" + r.get("final").asBoolean(), String.format("%.5f", r.get("score").asDouble()));
        }
        return out;
    }

    private static Set<String> camerasOf(final Map<String, String> results) {
        final Set<String> out = new TreeSet<>();
        results.keySet().forEach(k -> out.add(k.substring(0, k.indexOf('|'))));
        return out;
    }

    private static JsonNode get(final AnalyzerApp app, final String query) throws Exception {
        final HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.httpPort() + "/api/search?" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    private static int getStatus(final AnalyzerApp app, final String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/api/search?"
                + query)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(200);
        }
    }
}
