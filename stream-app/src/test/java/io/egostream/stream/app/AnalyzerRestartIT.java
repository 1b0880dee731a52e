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
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.Task;
import io.egostream.model.incremental.HeadKind;
import io.egostream.model.incremental.OfflineReference;
import io.egostream.model.incremental.StepOutput;
import io.egostream.model.incremental.WindowResult;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.inference.IncrementalModelInference;
import io.egostream.stream.inference.ModelLoader;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart: the analyzer is stopped cleanly mid-stream and started again on the same state directory; it resumes
 * from its committed state (the incremental evaluator rebuilt from the stored frames) and emits every final window
 * of the camera's session exactly once across both runs, none missing, none twice.
 */
@Timeout(240)
class AnalyzerRestartIT {

    private static final int DIM = 32;
    private static final int FRAMES = 70;
    private static final int BEFORE_RESTART = 35;

    @TempDir
    private Path stateDir;

    @Test
    void shouldResumeAfterARestartWithoutReEmission() throws Exception {
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", "restart-it");
        env.put("EGOSTREAM_MODEL_PRESET", "small");
        // untrained weights score moments near the focal-loss prior (0.01): emit them all
        env.put("EGOSTREAM_NMS_EMIT_MIN_SCORE", "0");
        env.put("EGOSTREAM_MODEL_DEVICE", "cpu");
        env.put("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_HTTP_PORT", "0");
        // the wait for the closing moments counts moment events: no provisional ones before them
        env.put("EGOSTREAM_NMS_PROVISIONAL_HOP_SECONDS", "0");
        env.put("EGOSTREAM_TOPICS_PARTITIONS", "2");
        final EgoStreamConfig config = ConfigLoader.load(null, env);
        final Topics topics = Topics.from(config);
        final List<FeatureFrame> frames = sessionZero();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0)) {
            final AnalyzerMetrics first = AnalyzerMetrics.withNewRegistry("egostream");
            try (AnalyzerApp app = AnalyzerApp.start(config, broker.bootstrapServers(),
                    io.egostream.stream.app.InferenceFactory.create(config), first, stateDir)) {
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)));
                send(broker, topics, frames.subList(0, BEFORE_RESTART), false);
                awaitCount(() -> first.framesInCount(), BEFORE_RESTART);
                awaitCount(() -> first.eventsOutCount(topics.actions().name()), 1);
            }
            final AnalyzerMetrics second = AnalyzerMetrics.withNewRegistry("egostream");
            try (AnalyzerApp app = AnalyzerApp.start(config, broker.bootstrapServers(),
                    io.egostream.stream.app.InferenceFactory.create(config), second, stateDir)) {
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)));
                send(broker, topics, frames.subList(BEFORE_RESTART, frames.size()), true);
                awaitCount(() -> second.framesInCount(), frames.size() - BEFORE_RESTART);
                awaitCount(() -> second.eventsOutCount(topics.moments().name()), 1);
                assertEquals(frames.size() - BEFORE_RESTART, second.framesInCount(),
                        "the restarted analyzer reads only the frames after its committed offsets");
            }
            final List<AnalyzerEvent> events = readAll(broker, topics);
            final Set<String> seen = new HashSet<>();
            for (final AnalyzerEvent e : events) {
                final String key = e.task() + "|" + e.status() + "|" + e.frames() + "|" + e.time().startSeconds()
                        + "|" + e.time().endSeconds() + "|" + (e.labels().isEmpty() ? "" : e.labels().get(0).id());
                assertTrue(seen.add(key), "emitted twice: " + key);
            }
            final Set<String> finals = new HashSet<>();
            for (final AnalyzerEvent e : events) {
                if (e.status() == EventStatus.FINAL && e.task() != Task.MQ) {
                    finals.add(e.task() + ":" + e.frames().first() + ":" + e.frames().last());
                }
            }
            assertEquals(expectedWindows(config, frames), finals, "every final window exactly once");
        }
    }

    private static List<FeatureFrame> sessionZero() {
        final SimulatedCamera camera = CameraFleet.create(new SimulationSettings(1, 10_000, 11, DIM, true, FRAMES,
                "cam"), EpicKitchensCsv.shipped()).cameras().get(0);
        final List<FeatureFrame> out = new ArrayList<>();
        long t = System.currentTimeMillis();
        while (out.size() < FRAMES) {
            final CameraRecord r = camera.next(t++).orElseThrow();
            if (!(r instanceof FeatureFrame f) || f.sessionId() != 0) {
                break;
            }
            out.add(f);
        }
        return out;
    }

    private static Set<String> expectedWindows(final EgoStreamConfig config, final List<FeatureFrame> frames) {
        final float[][] x = new float[frames.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = frames.get(i).features();
        }
        final Set<String> out = new HashSet<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            final ModelLoader.Loaded loaded = ModelLoader.load(config.model(), manager);
            final StepOutput reference = OfflineReference.compute(loaded.model().weights(),
                    IncrementalModelInference.streamingSettings(config), x);
            for (final WindowResult w : reference.windows()) {
                if (w.head() != HeadKind.MQ) {
                    out.add(w.head().task() + ":" + w.window().first() + ":" + w.window().last());
                }
            }
            loaded.model().close();
        }
        return out;
    }

    private static void send(final LocalKafkaBroker broker, final Topics topics, final List<FeatureFrame> frames,
            final boolean end) {
        try (FrameProducer producer = FrameProducer.create(broker.bootstrapServers(), topics.frames().name(),
                Map.of())) {
            frames.forEach(producer::send);
            if (end) {
                final FeatureFrame last = frames.get(frames.size() - 1);
                producer.send(new io.egostream.model.domain.EndOfStream(last.cameraId(), 0, last.frameIndex() + 1,
                        last.captureTimeMs() + 1));
            }
            producer.flush();
            assertEquals(0, producer.report().failed(), producer.report().summary());
        }
    }

    private static void awaitCount(final java.util.function.LongSupplier count, final long expected)
            throws InterruptedException {
        final long deadline = System.currentTimeMillis() + 90_000;
        while (count.getAsLong() < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(count.getAsLong() >= expected, "waited for " + expected + ", got " + count.getAsLong());
    }

    private static List<AnalyzerEvent> readAll(final LocalKafkaBroker broker, final Topics topics) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<AnalyzerEvent> out = new ArrayList<>();
        final Map<String, Task> byTopic = new HashMap<>();
        for (final Task t : Task.values()) {
            byTopic.put(topics.events(t).name(), t);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(byTopic.keySet());
            int emptyPolls = 0;
            while (emptyPolls < 6) {
                final var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (final ConsumerRecord<String, String> r : records) {
                    out.add(topics.events(byTopic.get(r.topic())).valueSerde().deserializer().deserialize(r.topic(),
                            r.value().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }
}
