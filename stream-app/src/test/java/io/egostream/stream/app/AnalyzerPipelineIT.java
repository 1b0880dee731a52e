package io.egostream.stream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.CameraRunner;
import io.egostream.ingest.camera.SimulatedCamera;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.ingest.producer.SendReport;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.codec.RejectReason;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FutureAction;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.incremental.OfflineReference;
import io.egostream.model.incremental.StepOutput;
import io.egostream.model.incremental.WindowResult;
import io.egostream.stream.inference.IncrementalModelInference;
import io.egostream.stream.inference.ModelLoader;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.Task;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.broker.TopicAdmin;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.DeadLetter;
import io.egostream.stream.topology.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real broker with the real DJL engine: two simulated cameras (60 frames each, then
 * end-of-stream) and a few malformed records through the analyzer; events on every output topic keyed by camera
 * with consistent spans, every malformed record in the dead-letter topic with its reason and source offset,
 * every valid frame counted.
 */
@Timeout(180)
class AnalyzerPipelineIT {

    private static final int FRAMES = 60;
    private static final int DIM = 32;

    private static LocalKafkaBroker broker;
    @TempDir
    private static Path stateDir;

    @BeforeAll
    static void startBroker() {
        broker = LocalKafkaBroker.start(0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static EgoStreamConfig config() {
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", "pipeline-it");
        env.put("EGOSTREAM_MODEL_PRESET", "small");
        // untrained weights score moments near the focal-loss prior (0.01): emit them all
        env.put("EGOSTREAM_NMS_EMIT_MIN_SCORE", "0");
        env.put("EGOSTREAM_MODEL_DEVICE", "cpu");
        env.put("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_INGEST_FEATURE_DIM", Integer.toString(DIM));
        env.put("EGOSTREAM_HTTP_PORT", "0");
        env.put("EGOSTREAM_TOPICS_PARTITIONS", "2");
        return ConfigLoader.load(null, env);
    }

    @Test
    void shouldAnalyseTwoCamerasAndDeadLetterEveryMalformedRecord() throws Exception {
        final EgoStreamConfig config = config();
        final Topics topics = Topics.from(config);
        final AnalyzerMetrics metrics = AnalyzerMetrics.withNewRegistry("egostream");
        try (Admin admin = Admin.create(StreamsProperties.admin(config, broker.bootstrapServers()))) {
            TopicAdmin.createAndAwaitLeaders(admin, topics.newTopics(), Duration.ofSeconds(60));
        }
        try (AnalyzerApp app = AnalyzerApp.start(config, broker.bootstrapServers(), InferenceFactory.create(config),
                metrics, stateDir)) {
            assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "Kafka Streams must reach RUNNING");
            assertEquals(200, get(app, "/ready").statusCode());

            final SimulationSettings cameras = new SimulationSettings(2, 10_000, 7, DIM, true, FRAMES, "cam");
            final SendReport report;
            final CameraRunner runner;
            try (FrameProducer producer = FrameProducer.create(broker.bootstrapServers(), topics.frames().name(),
                    Map.of())) {
                runner = new CameraRunner(CameraFleet.create(cameras, EpicKitchensCsv.shipped()), producer,
                        System.currentTimeMillis());
                runner.run();
                producer.flush();
                report = producer.report();
            }
            assertEquals(2 * FRAMES, runner.framesSent());
            assertEquals(runner.framesSent() + runner.endOfStreamsSent(), report.acknowledged(), report.summary());
            assertEquals(0, report.failed(), report.summary());

            final Map<Long, RejectReason> malformed = sendMalformed(topics.frames().name());

            final Map<Task, List<ConsumerRecord<String, String>>> events = awaitEvents(topics, config);
            for (final Task task : Task.values()) {
                final List<ConsumerRecord<String, String>> records = events.get(task);
                for (final String camera : List.of("cam-1", "cam-2")) {
                    assertTrue(records.stream().anyMatch(r -> r.key().equals(camera)),
                            task + " has no event of " + camera);
                }
                for (final ConsumerRecord<String, String> r : records) {
                    assertConsistent(r.key(), topics.events(task).valueSerde().deserializer()
                            .deserialize(r.topic(), r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            task);
                }
            }

            final int compared = assertFinalEventsEqualOffline(config, cameras, events, topics);
            assertTrue(compared >= 20, "final windowed events compared with the offline forward: " + compared);

            final List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(topics, malformed.size());
            final Map<Long, RejectReason> deadByOffset = new HashMap<>();
            for (final ConsumerRecord<String, byte[]> r : dead) {
                final DeadLetter letter = DeadLetter.readFrom(r.headers());
                assertEquals(topics.frames().name(), letter.sourceTopic());
                deadByOffset.put(letter.sourceOffset() * 10 + letter.sourcePartition(), letter.reason());
            }
            assertEquals(malformed, deadByOffset, "every malformed record, by source offset and partition");

            assertEquals(2 * FRAMES + 1, metrics.framesInCount(), "every valid frame (and the first of cam-bad)");
            assertEquals(malformed.size(), metrics.framesDlqCount());
            final String scraped = get(app, "/metrics").body();
            assertTrue(scraped.contains("egostream_frames_in_total " + (2 * FRAMES + 1) + ".0"), scraped);
            assertTrue(scraped.contains("egostream_frames_dlq_total{reason=\"NON_FINITE\"} 1.0"), scraped);
            assertTrue(scraped.contains("egostream_kafka_stream_thread_process_total{"), "Kafka Streams metrics");
            assertTrue(scraped.contains("egostream_inference_latency_seconds_count"), scraped);
            assertEquals(200, get(app, "/health").statusCode());

            final HttpResponse<String> state = get(app, "/api/cameras/cam-bad/state");
            assertEquals(200, state.statusCode(), state.body());
            assertTrue(state.body().contains("\"lastFrame\":0"), state.body());
            final HttpResponse<String> latest = get(app, "/api/cameras/cam-1/latest");
            assertEquals(200, latest.statusCode(), latest.body());
            assertTrue(latest.body().contains("\"task\" : \"AR\"") || latest.body().contains("\"task\":\"AR\""),
                    latest.body());
            assertEquals(404, get(app, "/api/cameras/nobody/state").statusCode());
        }
    }

    /**
     * Streaming == offline: every final AR, OSCC, PNR and LTA event of cam-1's first session equals the offline
     * forward of that session's whole stream (regenerated from the same simulator settings) on the event's window,
     * scores to 1e-4.
     *
     * @return the number of events compared
     */
    private static int assertFinalEventsEqualOffline(final EgoStreamConfig config, final SimulationSettings cameras,
            final Map<Task, List<ConsumerRecord<String, String>>> events, final Topics topics) {
        final SimulatedCamera camera = CameraFleet.create(cameras, EpicKitchensCsv.shipped()).cameras().get(0);
        final List<float[]> frames = new ArrayList<>();
        while (frames.size() < FRAMES) {
            final CameraRecord r = camera.next(0).orElseThrow();
            if (r instanceof FeatureFrame f && f.sessionId() == 0) {
                frames.add(f.features());
            } else {
                break;
            }
        }
        final Map<String, WindowResult> offline = new HashMap<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            final ModelLoader.Loaded loaded = ModelLoader.load(config.model(), manager);
            final StepOutput reference = OfflineReference.compute(loaded.model().weights(),
                    IncrementalModelInference.streamingSettings(config), frames.toArray(new float[0][]));
            for (final WindowResult w : reference.windows()) {
                offline.put(w.head().task() + ":" + w.window().first() + ":" + w.window().last(), w);
            }
            int compared = 0;
            for (final Task task : List.of(Task.AR, Task.OSCC, Task.PNR, Task.LTA)) {
                for (final ConsumerRecord<String, String> r : events.get(task)) {
                    final AnalyzerEvent e = topics.events(task).valueSerde().deserializer().deserialize(r.topic(),
                            r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (!e.cameraId().equals("cam-1") || e.sessionId() != 0 || e.status() != EventStatus.FINAL) {
                        continue;
                    }
                    final WindowResult w = offline.get(task + ":" + e.frames().first() + ":" + e.frames().last());
                    assertTrue(w != null, "no offline window for " + task + " " + e.frames());
                    assertSameScores(task, e, w);
                    compared++;
                }
            }
            loaded.model().close();
            return compared;
        }
    }

    private static void assertSameScores(final Task task, final AnalyzerEvent e, final WindowResult w) {
        switch (task) {
            case AR -> {
                final double[] verbs = softmax(w.logits(), 0, w.logits().length);
                for (final LabelScore l : e.labels()) {
                    final double[] p = l.head().equals("verb") ? verbs
                            : softmax(w.secondLogits(), 0, w.secondLogits().length);
                    assertEquals(p[l.id()], l.score(), 1e-4, "AR " + l + " at " + e.frames());
                }
            }
            case OSCC -> {
                final double[] p = softmax(w.logits(), 0, 2);
                assertEquals(p[e.labels().get(0).id()], e.labels().get(0).score(), 1e-4, "OSCC at " + e.frames());
            }
            case PNR -> {
                final double[] p = softmax(w.logits(), 0, w.logits().length);
                assertEquals(p[(int) (e.keyframe().frameIndex() - e.frames().first())], e.keyframe().score(), 1e-4,
                        "PNR at " + e.frames());
            }
            case LTA -> {
                final int verbs = w.logits().length / e.future().size();
                for (final FutureAction a : e.future()) {
                    final double[] p = softmax(w.logits(), a.step() - 1, verbs);
                    assertEquals(p[a.verb().id()], a.verb().score(), 1e-4, "LTA step " + a.step());
                }
            }
            default -> throw new IllegalArgumentException(task.toString());
        }
    }

    private static double[] softmax(final float[] logits, final int row, final int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[row * n + i]);
        }
        final double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(logits[row * n + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static void assertConsistent(final String key, final AnalyzerEvent event, final Task task) {
        assertEquals(key, event.cameraId());
        assertEquals(task, event.task());
        assertTrue(event.frames().first() >= 0 && event.frames().last() < FRAMES, "frames inside the stream: "
                + event.frames());
        final double stride = 16.0 / 30.0;
        assertTrue(event.time().startSeconds() >= event.frames().first() * stride - 1e-6
                && event.time().endSeconds() <= (event.frames().last() + 1) * stride + 1e-6,
                "time inside the frames: " + event.time() + " vs " + event.frames());
        assertTrue(event.time().startCaptureTimeMs() <= event.time().endCaptureTimeMs());
        if (task == Task.PNR) {
            assertTrue(event.frames().contains(event.keyframe().frameIndex()));
        }
    }

    /** Sends malformed records; returns reason by (offset * 10 + partition). */
    private static Map<Long, RejectReason> sendMalformed(final String topic) throws Exception {
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        final Map<Long, RejectReason> sent = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            put(sent, producer.send(new ProducerRecord<>(topic, "cam-bad", new byte[] {7, 7, 7, 7, 7})).get(),
                    RejectReason.BAD_MAGIC);
            final byte[] wrongVersion = FeatureFrameCodec.encode(frame(0, DIM));
            wrongVersion[4] = 9;
            put(sent, producer.send(new ProducerRecord<>(topic, "cam-bad", wrongVersion)).get(),
                    RejectReason.UNSUPPORTED_VERSION);
            put(sent, producer.send(new ProducerRecord<>(topic, "cam-bad", FeatureFrameCodec.encode(frame(0, 3))))
                    .get(), RejectReason.DIMENSION_MISMATCH);
            final byte[] nan = FeatureFrameCodec.encode(frame(0, DIM));
            ByteBuffer.wrap(nan).order(ByteOrder.LITTLE_ENDIAN).putFloat(nan.length - 4, Float.NaN);
            put(sent, producer.send(new ProducerRecord<>(topic, "cam-bad", nan)).get(), RejectReason.NON_FINITE);
            producer.send(new ProducerRecord<>(topic, "cam-bad", FeatureFrameCodec.encode(frame(0, DIM)))).get();
            put(sent, producer.send(new ProducerRecord<>(topic, "cam-bad", FeatureFrameCodec.encode(frame(0, DIM))))
                    .get(), RejectReason.DUPLICATE_INDEX);
            final FeatureFrame back = new FeatureFrame("cam-bad", 0, 1, 5, new float[DIM]);
            put(sent, producer.send(new ProducerRecord<>(topic, "cam-bad", FeatureFrameCodec.encode(back))).get(),
                    RejectReason.OUT_OF_ORDER);
            final byte[] huge = FeatureFrameCodec.encode(frame(0, DIM));
            ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(huge.length - 4 * DIM - 4, 70_000);
            put(sent, producer.send(new ProducerRecord<>(topic, "cam-bad", huge)).get(), RejectReason.OVERSIZED);
        }
        return sent;
    }

    private static void put(final Map<Long, RejectReason> sent, final RecordMetadata meta, final RejectReason r) {
        sent.put(meta.offset() * 10 + meta.partition(), r);
    }

    private static FeatureFrame frame(final long index, final int dim) {
        return new FeatureFrame("cam-bad", 0, index, System.currentTimeMillis(), new float[dim]);
    }

    private static Map<Task, List<ConsumerRecord<String, String>>> awaitEvents(final Topics topics,
            final EgoStreamConfig config) throws InterruptedException {
        final Map<String, Task> byTopic = new HashMap<>();
        final Map<Task, List<ConsumerRecord<String, String>>> events = new EnumMap<>(Task.class);
        for (final Task task : Task.values()) {
            byTopic.put(topics.events(task).name(), task);
            events.put(task, new ArrayList<>());
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps("events"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(byTopic.keySet());
            // Every task must have events of both cameras; then keep reading until the topics have been quiet
            // for 10 s (the cameras sent everything, end of stream included, so the analyzer's output is finite:
            // returning at the first event of each task would leave most final windows unread on a loaded machine).
            final long deadline = System.currentTimeMillis() + 120_000;
            long lastRecordAt = System.currentTimeMillis();
            while (System.currentTimeMillis() < deadline) {
                for (final ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    events.get(byTopic.get(r.topic())).add(r);
                    lastRecordAt = System.currentTimeMillis();
                }
                final boolean everyTaskHasBothCameras = events.values().stream()
                        .allMatch(list -> list.stream().map(ConsumerRecord::key).distinct().count() >= 2);
                if (everyTaskHasBothCameras && System.currentTimeMillis() - lastRecordAt > 10_000) {
                    return events;
                }
            }
        }
        return events;
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(final Topics topics, final int expected)
            throws InterruptedException {
        final List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps("dlq"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.framesDlq().name()));
            final long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline && out.size() < expected) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    private static Properties consumerProps(final String group) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }

    private static HttpResponse<String> get(final AnalyzerApp app, final String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + app.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
