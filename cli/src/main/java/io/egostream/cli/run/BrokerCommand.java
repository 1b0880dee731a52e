package io.egostream.cli.run;

import io.egostream.cli.config.ConfigOption;
import io.egostream.config.ConfigException;
import io.egostream.config.EgoStreamConfig;
import io.egostream.stream.broker.BrokerStartException;
import io.egostream.stream.broker.LocalKafkaBroker;
import io.egostream.stream.broker.TopicAdmin;
import io.egostream.stream.broker.TopicSetupException;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.topology.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code egostream broker}: the embedded single-node Kafka broker (KRaft, temporary data deleted at exit) on a
 * fixed port, with EgoStream's topics created, until Ctrl-C. For development: point producers and
 * {@code egostream run} at it with {@code kafka.bootstrap-servers: localhost:PORT}.
 */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = "Start the embedded Kafka broker (KRaft) with EgoStream's topics on a fixed port.")
public final class BrokerCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ConfigOption config;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Client port on localhost, 1..65535 (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
            description = "Stop after this many seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    private long durationSeconds;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (port < 1 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be in [1, 65535], got " + port);
        }
        if (durationSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be >= 0 s, got "
                    + durationSeconds);
        }
        final EgoStreamConfig cfg;
        try {
            cfg = config.load(System.getenv());
        } catch (ConfigException e) {
            err.println("egostream broker: " + e.getMessage());
            return 2;
        }
        try (StopSignal stop = new StopSignal()) {
            try (LocalKafkaBroker broker = LocalKafkaBroker.start(port)) {
                final Topics topics = Topics.from(cfg);
                try (Admin admin = Admin.create(StreamsProperties.admin(cfg, broker.bootstrapServers()))) {
                    TopicAdmin.createAndAwaitLeaders(admin, topics.newTopics(), Duration.ofSeconds(60));
                }
                out.println("Kafka broker (embedded, KRaft) ready");
                out.println("  bootstrap servers: " + broker.bootstrapServers());
                out.println("  topics: " + String.join(", ", topics.names()) + " (" + cfg.topics().partitions()
                        + " partitions each)");
                out.println("  data: " + broker.dataDir() + " (deleted at exit)");
                out.println("  use it: EGOSTREAM_KAFKA_BOOTSTRAP_SERVERS=" + broker.bootstrapServers()
                        + " ./egostream run");
                out.println(durationSeconds == 0 ? "Ctrl-C stops the broker." : "Stopping after " + durationSeconds
                        + " s (or Ctrl-C).");
                out.flush();
                stop.await(durationSeconds == 0 ? Duration.ofDays(3650) : Duration.ofSeconds(durationSeconds));
                out.println("Stopping the broker...");
                out.flush();
            } catch (BrokerStartException | TopicSetupException e) {
                err.println("egostream broker: " + e.getMessage());
                err.flush();
                return 1;
            }
            out.println("Broker stopped; its data is deleted.");
            out.flush();
            stop.exitCode(0);
        }
        return 0;
    }
}
