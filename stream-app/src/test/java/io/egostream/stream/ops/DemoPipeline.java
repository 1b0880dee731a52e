package io.egostream.stream.ops;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.CameraRunner;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.app.AnalyzerApp;
import io.egostream.stream.app.InferenceFactory;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo pipeline in one JVM, as {@code egostream demo} runs it: the embedded KRaft broker, the analyzer (small
 * model preset, 32-d features, HTTP on a free port) and simulated cameras sending until closed.
 */
public final class DemoPipeline implements AutoCloseable {

    /** Feature dimension of the small test pipeline. */
    public static final int DIM = 32;

    private final LocalKafkaBroker broker;
    private final AnalyzerApp app;
    private final FrameProducer producer;
    private final CameraRunner runner;
    private final Thread cameraThread;

    private DemoPipeline(final LocalKafkaBroker broker, final AnalyzerApp app, final FrameProducer producer,
            final CameraRunner runner, final Thread cameraThread) {
        this.broker = broker;
        this.app = app;
        this.producer = producer;
        this.runner = runner;
        this.cameraThread = cameraThread;
    }

    /**
     * Starts everything and waits until the analyzer runs.
     *
     * @param applicationId Kafka Streams application id
     * @param cameras simulated cameras
     * @param speed how many times faster than real time they send
     * @param stateDir Kafka Streams state directory
     * @return the running pipeline
     * @throws InterruptedException when interrupted while waiting
     */
    public static DemoPipeline start(final String applicationId, final int cameras, final double speed,
            final Path stateDir) throws InterruptedException {
        final LocalKafkaBroker broker = LocalKafkaBroker.start(0);
        AnalyzerApp app = null;
        try {
            final EgoStreamConfig config = config(applicationId);
            final PrometheusRegistry registry = new PrometheusRegistry();
            JvmMetrics.builder().register(registry);
            final AnalyzerMetrics metrics = new AnalyzerMetrics(registry, config.metrics().prefix());
            app = AnalyzerApp.start(config, broker.bootstrapServers(), InferenceFactory.create(config), metrics,
                    stateDir);
            if (!app.awaitRunning(Duration.ofSeconds(120))) {
                throw new IllegalStateException("the analyzer did not reach RUNNING: " + app.state());
            }
            final FrameProducer producer = FrameProducer.create(broker.bootstrapServers(),
                    Topics.from(config).frames().name(), Map.of());
            final SimulationSettings settings = new SimulationSettings(cameras, speed, 7, DIM, true, 0, "cam");
            final CameraRunner runner = new CameraRunner(CameraFleet.create(settings, EpicKitchensCsv.shipped()),
                    producer, System.currentTimeMillis());
            final Thread thread = new Thread(runner, "demo-cameras");
            thread.setDaemon(true);
            thread.start();
            return new DemoPipeline(broker, app, producer, runner, thread);
        } catch (RuntimeException | InterruptedException e) {
            if (app != null) {
                app.close();
            }
            broker.close();
            throw e;
        }
    }

    /**
     * The analyzer's configuration in the tests: small model on the CPU, 32-d frames, 2 partitions, free HTTP port.
     *
     * @param applicationId Kafka Streams application id
     * @return the configuration
     */
    public static EgoStreamConfig config(final String applicationId) {
        final Map<String, String> env = new HashMap<>();
        env.put("EGOSTREAM_KAFKA_APPLICATION_ID", applicationId);
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

    /**
     * The analyzer's dashboard.
     *
     * @return {@code http://127.0.0.1:PORT}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.httpPort();
    }

    /**
     * The analyzer.
     *
     * @return the running app
     */
    public AnalyzerApp app() {
        return app;
    }

    /**
     * Frames the cameras sent so far.
     *
     * @return the count
     */
    public long framesSent() {
        return runner.framesSent();
    }

    /** Stops the cameras, the analyzer and the broker. */
    @Override
    public void close() {
        runner.stop();
        try {
            cameraThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        app.close();
        broker.close();
    }
}
