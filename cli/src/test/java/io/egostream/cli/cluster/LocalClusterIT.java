package io.egostream.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.SimulatedCamera;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.Task;
import io.egostream.model.incremental.HeadKind;
import io.egostream.model.incremental.OfflineReference;
import io.egostream.model.incremental.WindowResult;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.inference.IncrementalModelInference;
import io.egostream.stream.inference.ModelLoader;
import io.egostream.stream.serde.AnalyzerEventSerde;
import io.egostream.stream.topology.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cluster under failure: three Kafka brokers (replication factor 3, min.insync.replicas 2), two analyzer
 * instances and the simulated cameras, each its own process. When about a third of the frames are in, one broker
 * and one analyzer instance are killed (SIGKILL) at once. The cameras must still deliver every record, and the
 * committed output (read_committed) must hold every final window of every camera session exactly as the offline
 * model computes them on the frames the cameras sent, and no event twice. Before the kill, the dashboard API of the
 * first instance answers for the cameras of both (interactive queries through {@code application.server}).
 */
@Timeout(600)
class LocalClusterIT {

    private static final int CAMERAS = 4;
    private static final long FRAMES = 150;
    private static final double SPEED = 4;
    private static final int DIM = 32;

    @TempDir
    private Path dir;

    @Test
    void committedOutputIsCompleteAndDuplicateFreeAfterABrokerAndAnAnalyzerAreKilled() throws Exception {
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", "cluster-it");
        env.put("EGOSTREAM_KAFKA_STANDBY_REPLICAS", "1");
        env.put("EGOSTREAM_TOPICS_PARTITIONS", "4");
        env.put("EGOSTREAM_MODEL_PRESET", "small");
        // untrained weights score moments near the focal-loss prior (0.01): emit them all
        env.put("EGOSTREAM_NMS_EMIT_MIN_SCORE", "0");
        env.put("EGOSTREAM_MODEL_DEVICE", "cpu");
        env.put("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_INGEST_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_SEARCH_ENABLED", "false"); // the shipped video-text model reads 256-d frames
        final EgoStreamConfig config = ConfigLoader.load(null, env);
        final Topics topics = Topics.from(config);
        final ClusterSpec spec = new ClusterSpec(dir.resolve("cluster"), 2, null, env, CAMERAS, SPEED, FRAMES, 768);
        final StringWriter progress = new StringWriter();
        try (LocalCluster cluster = LocalCluster.start(spec, new PrintWriter(progress))) {
            final long totalFrames = CAMERAS * FRAMES;
            awaitFramesIn(cluster.bootstrapServers(), topics.frames().name(), totalFrames / 3, cluster);
            final ChildProcess broker = cluster.brokers().get(1);
            final ChildProcess analyzer = cluster.analyzers().get(1);
            final String owned = get(cluster.dashboards().get(1) + "api/internal/cameras");
            assertTrue(owned.contains("\"cameraId\":\"camera-"), "analyzer-2 owns cameras before it dies: " + owned);
            assertDashboardSpansBothInstances(cluster, owned);
            broker.kill();
            analyzer.kill();
            assertFalse(broker.alive() || analyzer.alive(), cluster.status());

            final ChildProcess cameras = cluster.cameras();
            assertTrue(cameras.process().waitFor(180, TimeUnit.SECONDS), "cameras still sending: "
                    + cameras.tail(5));
            assertEquals(0, cameras.process().exitValue(), "every frame acknowledged despite the dead broker:\n"
                    + cameras.tail(10));

            final Map<String, Set<String>> expected = expectedFinalWindows(config, env);
            final List<AnalyzerEvent> events = readCommitted(cluster.bootstrapServers(), topics, expected);
            final Set<String> seen = new HashSet<>();
            final Map<String, Set<String>> finals = new TreeMap<>();
            for (final AnalyzerEvent e : events) {
                final String key = e.cameraId() + "|" + e.sessionId() + "|" + e.task() + "|" + e.status() + "|"
                        + e.frames().first() + "-" + e.frames().last() + "|" + e.time().startSeconds() + "|"
                        + e.time().endSeconds() + "|" + (e.labels().isEmpty() ? "" : e.labels().get(0).id());
                // a provisional moment may come again after a failover (its camera's hop restarts); finals never
                assertTrue(seen.add(key) || (e.task() == Task.MQ && e.status() == EventStatus.PROVISIONAL),
                        "emitted twice: " + key);
                if (e.status() == EventStatus.FINAL && e.task() != Task.MQ) {
                    finals.computeIfAbsent(e.cameraId(), c -> new TreeSet<>()).add(window(e.sessionId(), e.task(),
                            e.frames().first(), e.frames().last()));
                }
            }
            assertEquals(expected.keySet(), finals.keySet(), "every camera has final events");
            for (final Map.Entry<String, Set<String>> camera : expected.entrySet()) {
                assertEquals(camera.getValue(), finals.get(camera.getKey()), "final windows of " + camera.getKey());
            }
            assertTrue(get(cluster.dashboards().get(0) + "api/cameras").contains("\"cameraId\":\"camera-1\""),
                    cluster.status());
            System.out.printf("cluster fault test: %d committed events, %d final windows of %d cameras as offline, "
                    + "%d moments, none twice%n", events.size(), finals.values().stream().mapToInt(Set::size).sum(),
                    finals.size(), events.stream().filter(e -> e.task() == Task.MQ && e.status() == EventStatus.FINAL).count());
        }
    }

    private static String window(final long session, final Task task, final long first, final long last) {
        return session + ":" + task + ":" + first + ":" + last;
    }

    /** The final windows of every camera session the cameras sent, by the offline model (MQ excluded). */
    private static Map<String, Set<String>> expectedFinalWindows(final EgoStreamConfig config,
            final Map<String, String> env) {
        final SimulationSettings settings = SimulationSettings.from(config.ingest()).withCameras(CAMERAS)
                .withSpeedFactor(SPEED).withFramesPerCamera(FRAMES);
        final Map<String, Set<String>> out = new TreeMap<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            final ModelLoader.Loaded loaded = ModelLoader.load(config.model(), manager);
            for (final SimulatedCamera camera : CameraFleet.create(settings, EpicKitchensCsv.shipped()).cameras()) {
                final Map<Long, List<float[]>> sessions = new TreeMap<>();
                long t = 0;
                while (!camera.finished()) {
                    final CameraRecord r = camera.next(t++).orElseThrow();
                    if (r instanceof FeatureFrame f) {
                        sessions.computeIfAbsent(f.sessionId(), s -> new ArrayList<>()).add(f.features());
                    }
                }
                final Set<String> windows = new TreeSet<>();
                for (final Map.Entry<Long, List<float[]>> session : sessions.entrySet()) {
                    final float[][] x = session.getValue().toArray(float[][]::new);
                    for (final WindowResult w : OfflineReference.compute(loaded.model().weights(),
                            IncrementalModelInference.streamingSettings(config), x).windows()) {
                        if (w.head() != HeadKind.MQ) {
                            windows.add(window(session.getKey(), w.head().task(), w.window().first(),
                                    w.window().last()));
                        }
                    }
                }
                out.put(camera.cameraId(), windows);
            }
            loaded.model().close();
        }
        return out;
    }

    private static void awaitFramesIn(final String bootstrap, final String topic, final long records,
            final LocalCluster cluster) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                final Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                for (final var p : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions()) {
                    ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                }
                long sum = 0;
                for (final var info : admin.listOffsets(ends).all().get().values()) {
                    sum += info.offset();
                }
                if (sum >= records) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("fewer than " + records + " frames arrived; " + cluster.status());
    }

    /** Reads the five event topics (committed only) until every expected final window is there and 5 s pass quietly. */
    private static List<AnalyzerEvent> readCommitted(final String bootstrap, final Topics topics,
            final Map<String, Set<String>> expected) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "cluster-it-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<String> names = new ArrayList<>();
        for (final Task task : Task.values()) {
            names.add(topics.events(task).name());
        }
        final long wanted = expected.values().stream().mapToLong(Set::size).sum();
        final List<AnalyzerEvent> out = new ArrayList<>();
        final Set<String> finals = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(names);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline
                    && (finals.size() < wanted || System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(5))) {
                final var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (final ConsumerRecord<String, byte[]> r : records) {
                    final AnalyzerEvent e = AnalyzerEventSerde.fromJson(new String(r.value(), StandardCharsets.UTF_8));
                    out.add(e);
                    if (e.status() == EventStatus.FINAL && e.task() != Task.MQ) {
                        finals.add(e.cameraId() + "|" + window(e.sessionId(), e.task(), e.frames().first(),
                                e.frames().last()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Any instance answers for every camera: analyzer-1 lists the cameras of both instances, and serves the events
     * of a camera analyzer-2 owns (forwarded through application.server).
     */
    private static void assertDashboardSpansBothInstances(final LocalCluster cluster, final String ownedBySecond)
            throws Exception {
        final ObjectMapper json = new ObjectMapper();
        final JsonNode second = json.readTree(ownedBySecond);
        final String secondInstance = second.path("instances").get(0).asText();
        final String camera = second.path("cameras").get(0).path("cameraId").asText();
        final JsonNode list = json.readTree(get(cluster.dashboards().get(0) + "api/cameras"));
        assertEquals(2, list.path("instances").size(), list.toString());
        assertEquals(CAMERAS, list.path("cameras").size(), list.toString());
        boolean listedWithOwner = false;
        for (final JsonNode c : list.path("cameras")) {
            listedWithOwner |= c.path("cameraId").asText().equals(camera)
                    && c.path("instance").asText().equals(secondInstance);
        }
        assertTrue(listedWithOwner, camera + " listed as owned by " + secondInstance + ": " + list);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode events = json.readTree(get(cluster.dashboards().get(0) + "api/cameras/" + camera + "/events"));
        while (events.path("events").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            events = json.readTree(get(cluster.dashboards().get(0) + "api/cameras/" + camera + "/events"));
        }
        assertEquals(camera, events.path("events").get(0).path("cameraId").asText(), events.toString());
        assertEquals(2, json.readTree(get(cluster.dashboards().get(0) + "api/system")).path("instances").asInt());
    }

    private static String get(final String url) throws Exception {
        final var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }
}
