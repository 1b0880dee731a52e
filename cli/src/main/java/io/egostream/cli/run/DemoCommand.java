package io.egostream.cli.run;

import io.egostream.cli.config.ConfigOption;
import io.egostream.config.ConfigException;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.CameraRunner;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.ingest.producer.SendReport;
import io.egostream.model.domain.Task;
import io.egostream.model.synth.AnnotationSet;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.app.AnalyzerApp;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.topology.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code egostream demo}: the whole product on one machine. Starts the embedded Kafka broker (when
 * {@code kafka.bootstrap-servers} is empty), creates the topics, starts the analyzer and its HTTP server, then the
 * simulated cameras, and prints one status line per second until Ctrl-C or {@code --duration}; then stops
 * everything in order (cameras, analyzer, broker) and deletes the temporary data.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run it all locally: embedded Kafka broker, simulated cameras, analyzer, live summary.")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ConfigOption config;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after the cameras have sent for this many seconds; 0 runs until Ctrl-C "
                    + "(default: ${DEFAULT-VALUE}).")
    private long durationSeconds;

    @Option(names = "--speed", paramLabel = "FACTOR",
            description = "Send frames this many times faster than real time, (0, 10000] (default: "
                    + "ingest.speed-factor, 1 = 1.875 frames/s per camera).")
    private Double speed;

    @Option(names = "--cameras", paramLabel = "N",
            description = "Number of simulated cameras, 1..10000 (default: ingest.cameras).")
    private Integer cameras;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        final EgoStreamConfig cfg;
        final SimulationSettings settings;
        try {
            cfg = config.load(System.getenv());
            if (cfg.ingest().featureDim() != cfg.model().featureDim()) {
                throw new ConfigException("ingest.feature-dim", "Invalid value for ingest.feature-dim: "
                        + cfg.ingest().featureDim() + ". Allowed: model.feature-dim (" + cfg.model().featureDim()
                        + "), the dimension the analyzer reads.");
            }
            SimulationSettings s = SimulationSettings.from(cfg.ingest());
            s = speed == null ? s : s.withSpeedFactor(speed);
            settings = cameras == null ? s : s.withCameras(cameras);
        } catch (ConfigException e) {
            err.println("egostream demo: " + e.getMessage());
            return 2;
        }
        try (StopSignal stop = new StopSignal()) {
            try {
                final int code = runDemo(cfg, settings, stop, out);
                stop.exitCode(code);
                return code;
            } catch (RuntimeException | IOException e) {
                err.println("egostream demo: " + e.getMessage());
                err.flush();
                return 1;
            }
        }
    }

    private void checkOptions() {
        if (durationSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be >= 0 s, got "
                    + durationSeconds);
        }
        if (speed != null && !(speed > 0 && speed <= 10_000)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be in (0, 10000], got "
                    + speed);
        }
        if (cameras != null && (cameras < 1 || cameras > 10_000)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cameras must be in [1, 10000], got "
                    + cameras);
        }
    }

    private int runDemo(final EgoStreamConfig cfg, final SimulationSettings settings, final StopSignal stop,
            final PrintWriter out) throws InterruptedException, IOException {
        final AnnotationSet annotations = cfg.ingest().annotationSource().isEmpty() ? EpicKitchensCsv.shipped()
                : EpicKitchensCsv.read(Path.of(cfg.ingest().annotationSource()));
        final Topics topics = Topics.from(cfg);
        final Path stateDir = Files.createTempDirectory("egostream-demo-state-");
        LocalKafkaBroker broker = null;
        AnalyzerApp app = null;
        FrameProducer producer = null;
        CameraRunner runner = null;
        Thread cameraThread = null;
        try {
            final String bootstrap;
            if (cfg.kafka().embedded()) {
                out.println("Starting the embedded Kafka broker (KRaft)...");
                out.flush();
                broker = LocalKafkaBroker.start(0);
                bootstrap = broker.bootstrapServers();
                out.println("Kafka broker: " + bootstrap + " (embedded, data deleted at exit)");
            } else {
                bootstrap = cfg.kafka().bootstrapServers();
                out.println("Kafka brokers: " + bootstrap);
            }
            out.println("Loading the model and starting the analyzer...");
            out.flush();
            app = RunningAnalyzer.start(cfg, bootstrap, stateDir, out);
            producer = FrameProducer.create(bootstrap, topics.frames().name(), cfg.kafka().clientProps());
            runner = new CameraRunner(CameraFleet.create(settings, annotations), producer,
                    System.currentTimeMillis());
            cameraThread = new Thread(runner, "egostream-cameras");
            cameraThread.setDaemon(true);
            cameraThread.start();
            final long started = System.nanoTime();
            out.println("Cameras: " + settings.cameras() + " simulated (" + settings.cameraId(1) + " ...), "
                    + settings.speedFactor() + "x real time, EPIC-KITCHENS-100 timelines, seed " + settings.seed());
            out.println("Events: topics " + topics.events(Task.AR).name() + ", " + topics.events(Task.OSCC).name()
                    + ", " + topics.events(Task.PNR).name() + ", " + topics.events(Task.LTA).name() + ", "
                    + topics.events(Task.MQ).name() + "; dead letters: " + topics.framesDlq().name());
            out.println(durationSeconds == 0 ? "Ctrl-C stops the demo." : "Running for " + durationSeconds
                    + " s (Ctrl-C stops earlier).");
            out.flush();
            final LiveSummary summary = new LiveSummary(app.metrics(), topics);
            long elapsed = 0;
            while (!stop.await(Duration.ofSeconds(1))) {
                elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                final SendReport sent = producer.report();
                out.println(summary.line(elapsed, sent.sent(), sent.failed()));
                out.flush();
                if (durationSeconds > 0 && elapsed >= durationSeconds) {
                    break;
                }
            }
            elapsed = (System.nanoTime() - started) / 1_000_000_000L;
            out.println("Stopping: cameras, analyzer" + (broker == null ? "" : ", broker") + "...");
            out.flush();
            runner.stop();
            cameraThread.join(5_000);
            producer.close();
            final SendReport sent = producer.report();
            producer = null;
            app.close();
            out.println("Stopped cleanly after " + elapsed + " s. Cameras: " + sent.summary() + ". Analyzer: "
                    + summary.analyzerTotals() + ".");
            out.flush();
            return 0;
        } finally {
            if (runner != null) {
                runner.stop();
            }
            if (producer != null) {
                producer.close();
            }
            if (app != null) {
                app.close();
            }
            if (broker != null) {
                broker.close();
            }
            deleteRecursively(stateDir);
        }
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
