package io.egostream.stream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.SimulatedCamera;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.Task;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end at scale: 20 simulated cameras, 300 frames each (2 min 40 s of stream time, several sessions where a
 * video is shorter), through the analyzer with the small model: every output topic gets events of every camera,
 * every event's span lies inside the frames its camera session sent, and each MQ moment appears once (soft-NMS may
 * keep a decayed copy of an identical segment of another node; it has another score and is another moment).
 */
@Timeout(300)
class AnalyzerEndToEndIT {

    private static final int DIM = 32;
    private static final int CAMERAS = 20;
    private static final int FRAMES = 300;

    @TempDir
    private Path stateDir;

    @Test
    void twentyCamerasGetEveryTaskAndConsistentSpans() throws Exception {
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", "e2e-it");
        env.put("EGOSTREAM_MODEL_PRESET", "small");
        // untrained weights score moments near the focal-loss prior (0.01): emit them all
        env.put("EGOSTREAM_NMS_EMIT_MIN_SCORE", "0");
        env.put("EGOSTREAM_MODEL_DEVICE", "cpu");
        env.put("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_HTTP_PORT", "0");
        env.put("EGOSTREAM_TOPICS_PARTITIONS", "4");
        env.put("EGOSTREAM_MODEL_BATCH_SIZE", "128");
        final EgoStreamConfig config = ConfigLoader.load(null, env);
        final Topics topics = Topics.from(config);
        final Map<String, Long> framesBySession = new HashMap<>();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0)) {
            final AnalyzerMetrics metrics = AnalyzerMetrics.withNewRegistry("egostream");
            try (AnalyzerApp app = AnalyzerApp.start(config, broker.bootstrapServers(),
                    InferenceFactory.create(config), metrics, stateDir)) {
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)));
                final CameraFleet fleet = CameraFleet.create(new SimulationSettings(CAMERAS, 10_000, 5, DIM, true,
                        FRAMES, "camera"), EpicKitchensCsv.shipped());
                try (FrameProducer producer = FrameProducer.create(broker.bootstrapServers(),
                        topics.frames().name(), Map.of())) {
                    long t = System.currentTimeMillis() - FRAMES * 534L;
                    while (!fleet.finished()) {
                        for (final SimulatedCamera camera : fleet.cameras()) {
                            if (camera.finished()) {
                                continue;
                            }
                            final CameraRecord r = camera.next(t).orElseThrow();
                            producer.send(r);
                            if (r instanceof FeatureFrame f) {
                                framesBySession.merge(f.cameraId() + "/" + f.sessionId(), 1L, Long::sum);
                            }
                            if (camera.endOfStreamPending()) {
                                producer.send(camera.next(t).orElseThrow());
                            }
                        }
                        t += 534;
                    }
                    producer.flush();
                    assertEquals(0, producer.report().failed(), producer.report().summary());
                }
                assertEquals(CAMERAS * FRAMES, framesBySession.values().stream().mapToLong(Long::longValue).sum());
                final long deadline = System.currentTimeMillis() + 180_000;
                while (metrics.framesInCount() < CAMERAS * FRAMES && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(CAMERAS * FRAMES, metrics.framesInCount());
            }
            final Map<Task, Set<String>> camerasByTask = new EnumMap<>(Task.class);
            final Set<String> moments = new HashSet<>();
            int provisionalMoments = 0;
            long events = 0;
            final Properties p = consumerProps(broker);
            final Map<String, Task> byTopic = new HashMap<>();
            for (final Task task : Task.values()) {
                byTopic.put(topics.events(task).name(), task);
                camerasByTask.put(task, new HashSet<>());
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(byTopic.keySet());
                int quiet = 0;
                while (quiet < 8) {
                    final var records = consumer.poll(Duration.ofMillis(500));
                    quiet = records.isEmpty() ? quiet + 1 : 0;
                    for (final ConsumerRecord<String, String> r : records) {
                        final Task task = byTopic.get(r.topic());
                        final AnalyzerEvent e = topics.events(task).valueSerde().deserializer().deserialize(r.topic(),
                                r.value().getBytes(StandardCharsets.UTF_8));
                        events++;
                        assertEquals(r.key(), e.cameraId());
                        camerasByTask.get(task).add(e.cameraId());
                        final long sent = framesBySession.getOrDefault(e.cameraId() + "/" + e.sessionId(), 0L);
                        assertTrue(e.frames().last() < sent && e.time().endSeconds() <= sent * 16.0 / 30.0 + 1e-6,
                                task + " event of " + e.cameraId() + "/" + e.sessionId() + " spans " + e.frames()
                                        + " but the session sent " + sent + " frames");
                        if (task == Task.MQ && e.status() == EventStatus.PROVISIONAL) {
                            provisionalMoments++;
                        } else if (task == Task.MQ) {
                            assertTrue(moments.add(e.cameraId() + "/" + e.sessionId() + "/" + e.time().startSeconds()
                                    + "/" + e.time().endSeconds() + "/" + e.labels().get(0).id() + "/"
                                    + e.labels().get(0).score()), "moment emitted twice: " + e);
                        }
                    }
                }
            }
            assertTrue(provisionalMoments > 0, "provisional moments come before the final ones");
            for (final Task task : Task.values()) {
                assertEquals(CAMERAS, camerasByTask.get(task).size(), task + " has events of "
                        + camerasByTask.get(task).size() + " cameras");
            }
            assertTrue(events > CAMERAS * 50, "events: " + events);
        }
    }

    private static Properties consumerProps(final LocalKafkaBroker broker) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return p;
    }
}
