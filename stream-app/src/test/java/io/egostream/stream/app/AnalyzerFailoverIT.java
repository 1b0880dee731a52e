package io.egostream.stream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.SimulatedCamera;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.Task;
import io.egostream.model.incremental.HeadKind;
import io.egostream.model.incremental.OfflineReference;
import io.egostream.model.incremental.WindowResult;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.broker.TopicAdmin;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.inference.IncrementalModelInference;
import io.egostream.stream.inference.ModelLoader;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover: two analyzer instances share the work (one in a child JVM); the child is killed without shutdown
 * ({@code kill -9}) mid-stream; the survivor takes over its partitions, restores their stores, rebuilds the
 * evaluator and finishes the streams. The committed output (read_committed) has every final window of every
 * camera exactly once (the set of an uninterrupted run: the offline reference's windows) and no event twice.
 */
@Timeout(300)
class AnalyzerFailoverIT {

    private static final int DIM = 32;
    private static final int FRAMES = 70;
    private static final int CAMERAS = 4;

    @TempDir
    private Path dir;

    @Test
    void survivorTakesOverAKilledInstanceWithoutLossOrDuplicates() throws Exception {
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", "failover-it");
        env.put("EGOSTREAM_MODEL_PRESET", "small");
        // untrained weights score moments near the focal-loss prior (0.01): emit them all
        env.put("EGOSTREAM_NMS_EMIT_MIN_SCORE", "0");
        env.put("EGOSTREAM_MODEL_DEVICE", "cpu");
        env.put("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_HTTP_PORT", "0");
        env.put("EGOSTREAM_TOPICS_PARTITIONS", "4");
        env.put("EGOSTREAM_KAFKA_CLIENT_PROPS", "{session.timeout.ms: 6000, heartbeat.interval.ms: 1000}");
        final EgoStreamConfig config = ConfigLoader.load(null, env);
        final Topics topics = Topics.from(config);
        final Map<String, List<FeatureFrame>> streams = sessionZeros();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0)) {
            try (Admin admin = Admin.create(StreamsProperties.admin(config, broker.bootstrapServers()))) {
                TopicAdmin.createAndAwaitLeaders(admin, topics.newTopics(), Duration.ofSeconds(60));
            }
            final Process child = startChild(broker.bootstrapServers(), env);
            try {
                final AnalyzerMetrics metrics = AnalyzerMetrics.withNewRegistry("egostream");
                try (AnalyzerApp survivor = AnalyzerApp.start(config, broker.bootstrapServers(),
                        InferenceFactory.create(config), metrics, Files.createDirectory(dir.resolve("survivor")))) {
                    assertTrue(survivor.awaitRunning(Duration.ofSeconds(90)));
                    Thread.sleep(5_000); // let the group settle with both members
                    send(broker, topics, streams, 0, FRAMES / 2, false);
                    Thread.sleep(8_000); // both instances process and commit
                    final long firstHalf = streams.values().stream().mapToLong(f -> Math.min(f.size(), FRAMES / 2))
                            .sum();
                    final long survivorBefore = metrics.framesInCount();
                    assertTrue(survivorBefore < firstHalf, "the child instance must own some cameras: the survivor "
                            + "took " + survivorBefore + " of " + firstHalf + " frames");
                    final Set<String> servedBy = new HashSet<>();
                    for (final String camera : streams.keySet()) {
                        // The owner may still be working through its first frames on a loaded machine: poll.
                        java.net.http.HttpResponse<String> r;
                        final long queryDeadline = System.currentTimeMillis() + 90_000;
                        do {
                            r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + survivor.httpPort() + "/api/cameras/"
                                            + camera + "/latest")).build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                Thread.sleep(500);
                            }
                        } while (r.statusCode() != 200 && System.currentTimeMillis() < queryDeadline);
                        assertEquals(200, r.statusCode(), camera + ": " + r.body());
                        servedBy.add(r.body().replaceAll("(?s).*\"servedBy\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
                    }
                    assertEquals(2, servedBy.size(), "queries to one instance are answered by both owners: "
                            + servedBy);
                    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                    send(broker, topics, streams, FRAMES / 2, FRAMES, true);
                    final List<AnalyzerEvent> events = awaitMoments(broker, topics, streams.keySet());
                    final Set<String> seen = new HashSet<>();
                    for (final AnalyzerEvent e : events) {
                        final String key = e.cameraId() + "|" + e.task() + "|" + e.status() + "|" + e.frames() + "|"
                                + e.time().startSeconds() + "|" + e.time().endSeconds() + "|"
                                + (e.labels().isEmpty() ? "" : e.labels().get(0).id());
                        // a provisional moment is re-sent when its score changes, or after a failover (the hop
                        // restarts on the survivor); a final event never
                        assertTrue(seen.add(key) || (e.task() == Task.MQ && e.status() == EventStatus.PROVISIONAL),
                                "emitted twice: " + key);
                    }
                    for (final Map.Entry<String, List<FeatureFrame>> camera : streams.entrySet()) {
                        final Set<String> finals = new TreeSet<>();
                        for (final AnalyzerEvent e : events) {
                            if (e.cameraId().equals(camera.getKey()) && e.status() == EventStatus.FINAL
                                    && e.task() != Task.MQ) {
                                finals.add(e.task() + ":" + e.frames().first() + ":" + e.frames().last());
                            }
                        }
                        assertEquals(expectedWindows(config, camera.getValue()), finals, camera.getKey());
                    }
                }
            } finally {
                child.destroyForcibly();
            }
        }
    }

    private Process startChild(final String bootstrap, final Map<String, String> env) throws Exception {
        final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                FailoverWorker.class.getName(), bootstrap, Files.createDirectory(dir.resolve("child")).toString()));
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        final Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        final long deadline = System.currentTimeMillis() + 120_000;
        String line;
        while ((line = out.readLine()) != null && System.currentTimeMillis() < deadline) {
            if (line.equals("RUNNING")) {
                final Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return child;
            }
        }
        child.destroyForcibly();
        throw new AssertionError("the child analyzer did not start");
    }

    private static Map<String, List<FeatureFrame>> sessionZeros() {
        final Map<String, List<FeatureFrame>> out = new HashMap<>();
        final CameraFleet fleet = CameraFleet.create(new SimulationSettings(CAMERAS, 10_000, 23, DIM, true, FRAMES,
                "cam"), EpicKitchensCsv.shipped());
        long t = System.currentTimeMillis();
        for (final SimulatedCamera camera : fleet.cameras()) {
            final List<FeatureFrame> frames = new ArrayList<>();
            while (frames.size() < FRAMES) {
                final CameraRecord r = camera.next(t++).orElseThrow();
                if (!(r instanceof FeatureFrame f) || f.sessionId() != 0) {
                    break;
                }
                frames.add(f);
            }
            out.put(camera.cameraId(), frames);
        }
        return out;
    }

    private static void send(final LocalKafkaBroker broker, final Topics topics,
            final Map<String, List<FeatureFrame>> streams, final int from, final int to, final boolean end) {
        try (FrameProducer producer = FrameProducer.create(broker.bootstrapServers(), topics.frames().name(),
                Map.of())) {
            for (final List<FeatureFrame> frames : streams.values()) {
                frames.subList(Math.min(from, frames.size()), Math.min(to, frames.size())).forEach(producer::send);
                if (end) {
                    final FeatureFrame last = frames.get(frames.size() - 1);
                    producer.send(new EndOfStream(last.cameraId(), 0, last.frameIndex() + 1,
                            last.captureTimeMs() + 1));
                }
            }
            producer.flush();
            assertEquals(0, producer.report().failed(), producer.report().summary());
        }
    }

    private static Set<String> expectedWindows(final EgoStreamConfig config, final List<FeatureFrame> frames) {
        final float[][] x = new float[frames.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = frames.get(i).features();
        }
        final Set<String> out = new TreeSet<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            final ModelLoader.Loaded loaded = ModelLoader.load(config.model(), manager);
            for (final WindowResult w : OfflineReference.compute(loaded.model().weights(),
                    IncrementalModelInference.streamingSettings(config), x).windows()) {
                if (w.head() != HeadKind.MQ) {
                    out.add(w.head().task() + ":" + w.window().first() + ":" + w.window().last());
                }
            }
            loaded.model().close();
        }
        return out;
    }

    /** Reads committed events until every camera has a final moment (sent at its close) and the topics go quiet. */
    private static List<AnalyzerEvent> awaitMoments(final LocalKafkaBroker broker, final Topics topics,
            final Set<String> cameras) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "failover-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final Map<String, Task> byTopic = new HashMap<>();
        for (final Task t : Task.values()) {
            byTopic.put(topics.events(t).name(), t);
        }
        final List<AnalyzerEvent> out = new ArrayList<>();
        final Set<String> withMoments = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(byTopic.keySet());
            final long deadline = System.currentTimeMillis() + 150_000;
            int quiet = 0;
            while (System.currentTimeMillis() < deadline && (withMoments.size() < cameras.size() || quiet < 6)) {
                final var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (final ConsumerRecord<String, String> r : records) {
                    final AnalyzerEvent e = topics.events(byTopic.get(r.topic())).valueSerde().deserializer()
                            .deserialize(r.topic(), r.value().getBytes(StandardCharsets.UTF_8));
                    out.add(e);
                    if (e.task() == Task.MQ && e.status() == EventStatus.FINAL) {
                        withMoments.add(e.cameraId());
                    }
                }
            }
        }
        assertEquals(cameras, withMoments, "every camera's session closed with moments");
        return out;
    }
}
