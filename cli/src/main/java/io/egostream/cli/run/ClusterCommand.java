package io.egostream.cli.run;

import io.egostream.cli.cluster.ClusterSpec;
import io.egostream.cli.cluster.LocalCluster;
import io.egostream.cli.config.ConfigOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code egostream cluster}: EgoStream on several processes of this machine ({@link LocalCluster}): three KRaft
 * Kafka brokers (replication factor 3, min.insync.replicas 2), analyzer instances sharing the work, and the simulated
 * cameras; prints where everything is and one status line every 10 s until Ctrl-C or {@code --duration}, then stops
 * everything and deletes the data (unless {@code --keep}). Kill a node's process (its pid is in the status) to watch
 * the others take over.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = "Local multi-process cluster: 3 Kafka brokers, analyzers, simulated cameras.")
public final class ClusterCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ConfigOption config;

    @Option(names = "--analyzers", paramLabel = "N", defaultValue = "2",
            description = "Analyzer instances, 1..8 (default: ${DEFAULT-VALUE}).")
    private int analyzers;

    @Option(names = "--cameras", paramLabel = "N", defaultValue = "4",
            description = "Simulated cameras, 0..10000; 0 starts none (default: ${DEFAULT-VALUE}).")
    private int cameras;

    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1",
            description = "Cameras send this many times faster than real time (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Frames per camera, then end-of-stream; 0 = until stopped (default: ${DEFAULT-VALUE}).")
    private long frames;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    private long durationSeconds;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Directory of the nodes' data, configuration and logs (default: a new temporary one).")
    private Path dir;

    @Option(names = "--keep", description = "Keep the directory at exit (it is deleted by default).")
    private boolean keep;

    @Option(names = "--analyzer-heap", paramLabel = "MB", defaultValue = "1024",
            description = "Maximum heap of each analyzer JVM in MB (default: ${DEFAULT-VALUE}).")
    private int analyzerHeapMb;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        final ClusterSpec clusterSpec;
        try {
            config.load(System.getenv());
            final Path base = dir != null ? dir : Files.createTempDirectory("egostream-cluster-");
            clusterSpec = new ClusterSpec(base, analyzers, config.file(System.getenv()), Map.of(), cameras, speed, frames,
                    analyzerHeapMb);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            err.println("egostream cluster: cannot create a temporary directory: " + e.getMessage());
            return 1;
        }
        try (StopSignal stop = new StopSignal()) {
            final int code = run(clusterSpec, stop, out, err);
            stop.exitCode(code);
            return code;
        }
    }

    private void checkOptions() {
        final String problem = analyzers < 1 || analyzers > 8 ? "--analyzers must be in [1, 8], got " + analyzers
                : cameras < 0 || cameras > 10_000 ? "--cameras must be in [0, 10000], got " + cameras
                : !(speed > 0 && speed <= 10_000) ? "--speed must be in (0, 10000], got " + speed
                : frames < 0 ? "--frames must be >= 0, got " + frames
                : durationSeconds < 0 ? "--duration must be >= 0 s, got " + durationSeconds
                : analyzerHeapMb < 256 ? "--analyzer-heap must be >= 256 MB, got " + analyzerHeapMb : null;
        if (problem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
    }

    private int run(final ClusterSpec clusterSpec, final StopSignal stop, final PrintWriter out,
            final PrintWriter err) throws InterruptedException {
        out.println("Local cluster in " + clusterSpec.dir() + (keep ? " (kept)" : " (deleted at exit)"));
        out.flush();
        try (LocalCluster cluster = LocalCluster.start(clusterSpec, out)) {
            out.println("Ready. Dashboards: " + String.join(" ", cluster.dashboards()));
            out.println("Logs: " + clusterSpec.dir() + "/{broker-N,analyzer-N,cameras}.log");
            out.println(durationSeconds == 0 ? "Ctrl-C stops the cluster." : "Running for " + durationSeconds
                    + " s (Ctrl-C stops earlier).");
            out.flush();
            final long started = System.nanoTime();
            while (!stop.await(Duration.ofSeconds(10))) {
                final long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                out.println("[" + String.format("%5d", elapsed) + " s] " + cluster.status());
                out.flush();
                if (durationSeconds > 0 && elapsed >= durationSeconds) {
                    break;
                }
            }
            out.println("Stopping: cameras, analyzers, brokers...");
            out.flush();
        } catch (IOException | RuntimeException e) {
            err.println("egostream cluster: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            if (!keep) {
                deleteRecursively(clusterSpec.dir());
            }
        }
        out.println("Stopped.");
        out.flush();
        return 0;
    }

    private static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
