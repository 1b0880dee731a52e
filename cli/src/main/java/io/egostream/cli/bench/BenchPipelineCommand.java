package io.egostream.cli.bench;

import io.egostream.cli.json.JsonOutput;
import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.CameraRunner;
import io.egostream.ingest.camera.SimulatedCamera;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.Task;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.app.AnalyzerApp;
import io.egostream.stream.app.InferenceFactory;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.broker.TopicAdmin;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.inference.AnalyzerInference;
import io.egostream.stream.inference.CameraSession;
import io.egostream.stream.inference.IncrementalModelInference;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream bench pipeline}: on one embedded broker, (1) frames/s of a pass-through Kafka Streams app and of
 * the analyzer over the same backlog of frames (same topic layout, exactly-once), (2) frame-to-event latency of
 * the analyzer at half its saturation rate, (3) state bytes per camera. Prints JSON.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Analyzer frames/s vs a pass-through Kafka Streams app, latency at half load, state per camera "
                + "(JSON).")
public final class BenchPipelineCommand implements Callable<Integer> {

    private static final double STRIDE_MS = 1000.0 * 16 / 30;

    /**
     * The benchmark's frame producers are not idempotent (one request in flight keeps the order): Kafka 4.3.1's
     * idempotent producer can stall on a freshly created topic under load (KAFKA-15591: out-of-order sequence,
     * then every batch of the partition expires after the delivery timeout), which aborted sweeps of this
     * benchmark even after every partition had a leader. A retried send may then duplicate a frame; the analyzer
     * refuses the duplicate (dead-letter topic), so the counts stay right.
     */
    private static final Map<String, String> BENCH_PRODUCER = Map.of("enable.idempotence", "false",
            "max.in.flight.requests.per.connection", "1");

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", defaultValue = "reference", paramLabel = "NAME",
            description = "Model: shipped (the trained default model), or an architecture preset with untrained "
                    + "weights: reference or small (default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "model.batch-size of the analyzer runs (default: the configuration default).")
    private Integer batchSize;

    @Option(names = "--batch-time-ms", paramLabel = "MS",
            description = "model.batch-time-ms of the analyzer runs (default: the configuration default).")
    private Long batchTimeMs;

    @Option(names = "--cameras", defaultValue = "8", paramLabel = "N",
            description = "Cameras, 1..1000 (default: ${DEFAULT-VALUE}).")
    private int cameras;

    @Option(names = "--frames", defaultValue = "400", paramLabel = "N",
            description = "Backlog frames per camera for the saturation runs (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--latency-seconds", defaultValue = "60", paramLabel = "S",
            description = "Length of the half-load latency run in seconds (default: ${DEFAULT-VALUE}).")
    private int latencySeconds;

    @Override
    public Integer call() throws Exception {
        if (cameras < 1 || cameras > 1000 || frames < 32 || latencySeconds < 10) {
            throw new CommandLine.ParameterException(spec.commandLine(), "need 1 <= --cameras <= 1000, --frames >= "
                    + "32 and --latency-seconds >= 10; got " + cameras + ", " + frames + ", " + latencySeconds);
        }
        try {
            config("bench-settings", "settings");
        } catch (io.egostream.config.ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--preset/--batch-size/--batch-time-ms: "
                    + e.getMessage());
        }
        final PrintWriter err = spec.commandLine().getErr();
        try {
            spec.commandLine().getOut().println(JsonOutput.write(measure(err)));
            return 0;
        } catch (RuntimeException e) {
            err.println("egostream bench pipeline: " + e.getMessage());
            return 1;
        } finally {
            deleteTempDirs();
        }
    }

    private final List<java.nio.file.Path> tempDirs = new ArrayList<>();

    /** A Kafka Streams state directory, deleted when the benchmark ends. */
    private java.nio.file.Path tempDir() throws java.io.IOException {
        final java.nio.file.Path dir = Files.createTempDirectory("egostream-bench-");
        tempDirs.add(dir);
        return dir;
    }

    private void deleteTempDirs() {
        for (final java.nio.file.Path dir : tempDirs) {
            try (java.util.stream.Stream<java.nio.file.Path> paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // best effort: a state directory in the temporary folder
            }
        }
    }

    private Map<String, Object> measure(final PrintWriter err) throws Exception {
        final Map<String, Object> report = new LinkedHashMap<>();
        report.put("preset", preset);
        final EgoStreamConfig effective = config("bench-settings", "settings");
        report.put("batch_size", effective.model().batchSize());
        report.put("batch_time_ms", effective.model().batchTimeMs());
        report.put("cameras", cameras);
        report.put("backlog_frames", (long) cameras * frames);
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0)) {
            final EgoStreamConfig pass = config("bench-pass", "pass");
            final long n = (long) cameras * frames;
            produceBacklog(broker, pass, "pass");
            final double passFps = passThrough(broker, pass, n);
            err.println("pass-through: " + Math.round(passFps) + " frames/s");
            err.flush();
            report.put("pass_through_frames_per_second", passFps);

            final EgoStreamConfig sat = config("bench-analyzer", "analyzer");
            produceBacklog(broker, sat, "analyzer");
            final Map<String, Object> saturation = analyzerSaturation(broker, sat, n);
            err.println("analyzer: " + Math.round((double) saturation.get("frames_per_second")) + " frames/s");
            err.flush();
            report.putAll(saturation);
            final double analyzerFps = (double) saturation.get("frames_per_second");
            report.put("analyzer_vs_pass_through", analyzerFps / passFps);

            final EgoStreamConfig lat = config("bench-latency", "latency");
            report.putAll(latency(broker, lat, analyzerFps / 2));
        }
        return report;
    }

    private EgoStreamConfig config(final String applicationId, final String topicPrefix) {
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", applicationId);
        env.put("EGOSTREAM_MODEL_PRESET", preset);
        env.put("EGOSTREAM_MODEL_DEVICE", "cpu");
        env.put("EGOSTREAM_HTTP_PORT", "0");
        env.put("EGOSTREAM_TOPICS_PARTITIONS", "4");
        if (batchSize != null) {
            env.put("EGOSTREAM_MODEL_BATCH_SIZE", Integer.toString(batchSize));
        }
        if (batchTimeMs != null) {
            env.put("EGOSTREAM_MODEL_BATCH_TIME_MS", Long.toString(batchTimeMs));
        }
        for (final String t : List.of("frames", "actions", "state-changes", "pnr", "anticipations", "moments",
                "frames-dlq")) {
            env.put("EGOSTREAM_TOPICS_" + t.toUpperCase(java.util.Locale.ROOT).replace('-', '_'),
                    "bench." + topicPrefix + "." + t);
        }
        return ConfigLoader.load(null, env);
    }

    private List<CameraRecord> records(final EgoStreamConfig cfg, final long startMs, final double speed) {
        final CameraFleet fleet = CameraFleet.create(new SimulationSettings(cameras, speed, 42,
                cfg.model().featureDim(), false, frames, "camera"), EpicKitchensCsv.shipped());
        final List<CameraRecord> out = new ArrayList<>();
        long t = startMs;
        while (!fleet.finished()) {
            for (final SimulatedCamera camera : fleet.cameras()) {
                camera.next(t).ifPresent(out::add);
            }
            t += Math.max(1, Math.round(STRIDE_MS / speed));
        }
        return out;
    }

    private void produceBacklog(final LocalKafkaBroker broker, final EgoStreamConfig cfg, final String what) {
        try (Admin admin = Admin.create(StreamsProperties.admin(cfg, broker.bootstrapServers()))) {
            final List<NewTopic> topics = new ArrayList<>(Topics.from(cfg).newTopics());
            topics.add(new NewTopic("bench." + what + ".out", 4, (short) 1));
            TopicAdmin.createAndAwaitLeaders(admin, topics, Duration.ofSeconds(60));
        }
        try (FrameProducer producer = FrameProducer.create(broker.bootstrapServers(),
                Topics.from(cfg).frames().name(), BENCH_PRODUCER)) {
            records(cfg, System.currentTimeMillis() - (long) (frames * STRIDE_MS), 1.0).forEach(producer::send);
            producer.flush();
            if (producer.report().failed() > 0) {
                throw new IllegalStateException("backlog sends failed: " + producer.report().summary());
            }
        }
    }

    private double passThrough(final LocalKafkaBroker broker, final EgoStreamConfig cfg, final long n)
            throws Exception {
        final AtomicLong count = new AtomicLong();
        final Properties props = StreamsProperties.streams(cfg, broker.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir().toString());
        try (KafkaStreams streams = new KafkaStreams(PassThroughApp.topology(Topics.from(cfg).frames(),
                "bench.pass.out", count), props)) {
            final long start = System.nanoTime();
            streams.start();
            awaitCount(count::get, n);
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    private Map<String, Object> analyzerSaturation(final LocalKafkaBroker broker, final EgoStreamConfig cfg,
            final long n) throws Exception {
        final AnalyzerMetrics metrics = AnalyzerMetrics.withNewRegistry("egostream");
        final AnalyzerInference inference = InferenceFactory.create(cfg);
        final Map<String, Object> out = new LinkedHashMap<>();
        try (AnalyzerApp app = AnalyzerApp.start(cfg, broker.bootstrapServers(), inference, metrics,
                tempDir())) {
            final long start = System.nanoTime();
            awaitCount(metrics::framesInCount, n);
            final double seconds = (System.nanoTime() - start) / 1e9;
            out.put("frames_per_second", n / seconds);
            out.put("analyzer_state_at_end", app.state().toString());
            final String scrape = metrics.scrape();
            final double modelSeconds = scraped(scrape, "egostream_inference_latency_seconds_sum");
            out.put("model_steps", (long) scraped(scrape, "egostream_inference_latency_seconds_count"));
            out.put("model_seconds", modelSeconds);
            out.put("model_share_of_wall_time", modelSeconds / seconds);
            long events = 0;
            for (final Task task : Task.values()) {
                events += metrics.eventsOutCount(Topics.from(cfg).events(task).name());
            }
            out.put("events_out", events);
            final int retained = Math.min(frames, cfg.window().framesRetained());
            final long frameBytes = (long) retained * (36 + "camera-1".length() + 4L * cfg.model().featureDim());
            out.put("frame_store_bytes_per_camera", frameBytes);
            if (inference instanceof IncrementalModelInference incremental) {
                long caches = 0;
                for (int c = 1; c <= cameras; c++) {
                    caches += incremental.cacheBytes(new CameraSession("camera-" + c, 0));
                }
                out.put("model_cache_bytes_per_camera", caches / cameras);
            }
            out.put("state_note", "after " + frames + " frames per camera; frames retained " + retained);
        }
        return out;
    }

    private Map<String, Object> latency(final LocalKafkaBroker broker, final EgoStreamConfig cfg,
            final double framesPerSecond) throws Exception {
        try (Admin admin = Admin.create(StreamsProperties.admin(cfg, broker.bootstrapServers()))) {
            TopicAdmin.createAndAwaitLeaders(admin, Topics.from(cfg).newTopics(), Duration.ofSeconds(60));
        }
        final double speed = Math.max(0.01, framesPerSecond / (1.875 * cameras));
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("latency_load_frames_per_second", framesPerSecond);
        final AnalyzerMetrics metrics = AnalyzerMetrics.withNewRegistry("egostream");
        try (AnalyzerApp app = AnalyzerApp.start(cfg, broker.bootstrapServers(), InferenceFactory.create(cfg),
                metrics, tempDir())) {
            if (!app.awaitRunning(Duration.ofSeconds(120))) {
                throw new IllegalStateException("the analyzer did not start for the latency run");
            }
            final SimulationSettings settings = new SimulationSettings(cameras, speed, 7, cfg.model().featureDim(),
                    false, 0, "camera");
            try (FrameProducer producer = FrameProducer.create(broker.bootstrapServers(),
                    Topics.from(cfg).frames().name(), BENCH_PRODUCER)) {
                final CameraRunner runner = new CameraRunner(CameraFleet.create(settings, EpicKitchensCsv.shipped()),
                        producer, System.currentTimeMillis());
                final Thread thread = new Thread(runner, "bench-cameras");
                thread.start();
                Thread.sleep(latencySeconds * 1000L);
                runner.stop();
                thread.join();
                out.put("latency_frames_sent", runner.framesSent());
            }
            Thread.sleep(3_000);
        }
        final List<Double> provisional = new ArrayList<>();
        final List<Double> all = new ArrayList<>();
        readEvents(broker, cfg, (event) -> {
            final double ms = event.emittedAtMs() - (event.time().endCaptureTimeMs() - STRIDE_MS);
            if (event.task() != Task.MQ) {
                all.add(ms);
                if (event.status() == EventStatus.PROVISIONAL) {
                    provisional.add(ms);
                }
            }
        });
        out.put("latency_events", all.size());
        out.put("latency_ms_p50_first_event", quantile(provisional, 0.5));
        out.put("latency_ms_p99_first_event", quantile(provisional, 0.99));
        out.put("latency_ms_p50_all_windowed_events", quantile(all, 0.5));
        out.put("latency_ms_p99_all_windowed_events", quantile(all, 0.99));
        return out;
    }

    private static void readEvents(final LocalKafkaBroker broker, final EgoStreamConfig cfg,
            final java.util.function.Consumer<AnalyzerEvent> sink) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final Topics topics = Topics.from(cfg);
        final Map<String, Task> byTopic = new HashMap<>();
        for (final Task t : Task.values()) {
            byTopic.put(topics.events(t).name(), t);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(byTopic.keySet());
            int quiet = 0;
            while (quiet < 6) {
                final var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (final ConsumerRecord<String, String> r : records) {
                    sink.accept(topics.events(byTopic.get(r.topic())).valueSerde().deserializer()
                            .deserialize(r.topic(), r.value().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private static double scraped(final String scrape, final String name) {
        for (final String line : scrape.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    private static Double quantile(final List<Double> values, final double q) {
        if (values.isEmpty()) {
            return null;
        }
        final List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static void awaitCount(final java.util.function.LongSupplier count, final long n)
            throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (count.getAsLong() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count.getAsLong() + " of " + n + " frames in 30 min");
            }
            Thread.sleep(20);
        }
    }
}
