package io.egostream.cli.run;

import io.egostream.cli.config.ConfigOption;
import io.egostream.config.ConfigException;
import io.egostream.config.EgoStreamConfig;
import io.egostream.stream.app.AnalyzerApp;
import io.egostream.stream.topology.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code egostream run --config FILE}: the analyzer alone (Kafka Streams application and HTTP server) against the
 * Kafka cluster of {@code kafka.bootstrap-servers}, creating missing topics, until Ctrl-C or SIGTERM; prints a
 * status line every 10 s. Several instances with the same {@code kafka.application-id} share the partitions.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the analyzer (Kafka Streams app, HTTP server) against kafka.bootstrap-servers.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ConfigOption config;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    private long durationSeconds;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (durationSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be >= 0 s, got "
                    + durationSeconds);
        }
        final EgoStreamConfig cfg;
        try {
            cfg = config.load(System.getenv());
        } catch (ConfigException e) {
            err.println("egostream run: " + e.getMessage());
            return 2;
        }
        if (cfg.kafka().embedded()) {
            err.println("egostream run: kafka.bootstrap-servers is empty; run needs a Kafka cluster (set it in the "
                    + "--config file or EGOSTREAM_KAFKA_BOOTSTRAP_SERVERS; `egostream broker` starts one), or use "
                    + "`egostream demo`.");
            return 2;
        }
        try (StopSignal stop = new StopSignal()) {
            final AnalyzerApp app = RunningAnalyzer.start(cfg, cfg.kafka().bootstrapServers(), null, out);
            try (app) {
                out.println("Analyzing frames of " + Topics.from(cfg).frames().name() + " from "
                        + cfg.kafka().bootstrapServers() + (durationSeconds == 0 ? "; Ctrl-C stops." : " for "
                        + durationSeconds + " s."));
                out.flush();
                final LiveSummary summary = new LiveSummary(app.metrics(), Topics.from(cfg));
                final long started = System.nanoTime();
                while (true) {
                    final long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                    final long wait = durationSeconds == 0 ? 10 : Math.min(10, durationSeconds - elapsed);
                    if (wait <= 0 || stop.await(Duration.ofSeconds(wait))) {
                        break;
                    }
                    out.println(summary.line((System.nanoTime() - started) / 1_000_000_000L, 0, 0)
                            .replaceFirst(" \\| sent .*$", ""));
                    out.flush();
                }
                out.println("Stopping the analyzer...");
                out.flush();
            }
            out.println("Analyzer stopped cleanly.");
            out.flush();
            stop.exitCode(0);
            return 0;
        } catch (RuntimeException e) {
            err.println("egostream run: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
