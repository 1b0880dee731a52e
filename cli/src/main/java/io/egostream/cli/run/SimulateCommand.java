package io.egostream.cli.run;

import io.egostream.cli.config.ConfigOption;
import io.egostream.config.ConfigException;
import io.egostream.config.EgoStreamConfig;
import io.egostream.ingest.camera.CameraFleet;
import io.egostream.ingest.camera.CameraRunner;
import io.egostream.ingest.camera.SimulationSettings;
import io.egostream.ingest.producer.FrameProducer;
import io.egostream.ingest.producer.SendReport;
import io.egostream.model.synth.AnnotationSet;
import io.egostream.model.synth.EpicKitchensCsv;
import io.egostream.stream.broker.TopicAdmin;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.topology.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code egostream simulate}: only the simulated cameras (the {@code ingest} group), sending to the frames topic of
 * {@code kafka.bootstrap-servers} until each camera has sent {@code --frames} frames (then its end-of-stream marker),
 * {@code --duration} passes, or Ctrl-C. Missing EgoStream topics are created first (as the analyzer does). Exit code
 * 0 when every record was acknowledged, 1 when a send failed.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run only the simulated cameras against kafka.bootstrap-servers.")
public final class SimulateCommand implements Callable<Integer> {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
    private static final long STATUS_EVERY_SECONDS = 5;

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ConfigOption config;

    @Option(names = "--cameras", paramLabel = "N",
            description = "Number of simulated cameras, 1..10000 (default: ingest.cameras).")
    private Integer cameras;

    @Option(names = "--speed", paramLabel = "FACTOR",
            description = "Send frames this many times faster than real time, (0, 10000] (default: "
                    + "ingest.speed-factor).")
    private Double speed;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Frames per camera, then its end-of-stream marker; 0 sends until stopped "
                    + "(default: ${DEFAULT-VALUE}).")
    private long frames;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until the cameras finish or Ctrl-C "
                    + "(default: ${DEFAULT-VALUE}).")
    private long durationSeconds;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        final EgoStreamConfig cfg;
        final SimulationSettings settings;
        try {
            cfg = config.load(System.getenv());
            SimulationSettings s = SimulationSettings.from(cfg.ingest());
            s = speed == null ? s : s.withSpeedFactor(speed);
            s = cameras == null ? s : s.withCameras(cameras);
            settings = s.withFramesPerCamera(frames);
        } catch (ConfigException e) {
            err.println("egostream simulate: " + e.getMessage());
            return 2;
        }
        if (cfg.kafka().embedded()) {
            err.println("egostream simulate: kafka.bootstrap-servers is empty; the cameras need a Kafka cluster "
                    + "(set it in the --config file or EGOSTREAM_KAFKA_BOOTSTRAP_SERVERS), or use `egostream demo`.");
            return 2;
        }
        try (StopSignal stop = new StopSignal()) {
            final int code = simulate(cfg, settings, stop, out);
            stop.exitCode(code);
            return code;
        } catch (RuntimeException e) {
            err.println("egostream simulate: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private void checkOptions() {
        if (cameras != null && (cameras < 1 || cameras > 10_000)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cameras must be in [1, 10000], got "
                    + cameras);
        }
        if (speed != null && !(speed > 0 && speed <= 10_000)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be in (0, 10000], got "
                    + speed);
        }
        if (frames < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--frames must be >= 0, got " + frames);
        }
        if (durationSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be >= 0 s, got "
                    + durationSeconds);
        }
    }

    private int simulate(final EgoStreamConfig cfg, final SimulationSettings settings, final StopSignal stop,
            final PrintWriter out) throws InterruptedException {
        final String bootstrap = cfg.kafka().bootstrapServers();
        final Topics topics = Topics.from(cfg);
        try (Admin admin = Admin.create(StreamsProperties.admin(cfg, bootstrap))) {
            TopicAdmin.createAndAwaitLeaders(admin, topics.newTopics(), TOPIC_TIMEOUT);
        }
        final AnnotationSet annotations = cfg.ingest().annotationSource().isEmpty() ? EpicKitchensCsv.shipped()
                : EpicKitchensCsv.read(Path.of(cfg.ingest().annotationSource()));
        try (FrameProducer producer = FrameProducer.create(bootstrap, topics.frames().name(),
                cfg.kafka().clientProps())) {
            final CameraRunner runner = new CameraRunner(CameraFleet.create(settings, annotations), producer,
                    System.currentTimeMillis());
            final Thread thread = new Thread(runner, "egostream-cameras");
            thread.setDaemon(true);
            thread.start();
            out.println("Cameras: " + settings.cameras() + " simulated (" + settings.cameraId(1) + " ...), "
                    + settings.speedFactor() + "x real time, " + (settings.framesPerCamera() == 0 ? "until stopped"
                    : settings.framesPerCamera() + " frames each") + ", to " + topics.frames().name() + " at "
                    + bootstrap);
            out.flush();
            final long started = System.nanoTime();
            while (thread.isAlive()) {
                final long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                if (stop.await(Duration.ofSeconds(STATUS_EVERY_SECONDS))
                        || (durationSeconds > 0 && elapsed >= durationSeconds)) {
                    break;
                }
                out.println("[" + String.format("%4d", (System.nanoTime() - started) / 1_000_000_000L) + " s] "
                        + producer.report().summary());
                out.flush();
            }
            runner.stop();
            thread.join(5_000);
            producer.flush();
            final SendReport report = producer.report();
            out.println("Cameras stopped: " + runner.framesSent() + " frames and " + runner.endOfStreamsSent()
                    + " end-of-stream markers; " + report.summary() + ".");
            out.flush();
            return report.failed() == 0 ? 0 : 1;
        }
    }
}
