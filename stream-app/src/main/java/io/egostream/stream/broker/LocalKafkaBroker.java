package io.egostream.stream.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in this JVM: the Kafka server ({@code KafkaRaftServer}, what
 * {@code kafka-server-start} runs) in KRaft mode with one combined broker/controller node, its storage formatted
 * in a fresh temporary directory that {@link #close()} deletes. Used by {@code egostream demo} when
 * {@code kafka.bootstrap-servers} is empty, by {@code egostream broker}, and by the integration tests.
 *
 * <pre>{@code
 * try (LocalKafkaBroker broker = LocalKafkaBroker.start(0)) {   // 0 = any free port
 *     String bootstrap = broker.bootstrapServers();              // e.g. localhost:41234
 * }
 * }</pre>
 *
 * <p>Settings for one node: internal topics (consumer offsets, transaction state) have replication factor 1
 * and 4 partitions, consumer groups rebalance without the initial delay, and topics are never created
 * implicitly (EgoStream creates its topics and waits for their leaders, see {@link TopicAdmin}).
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final String bootstrapServers;
    private boolean closed;

    private LocalKafkaBroker(final KafkaRaftServer server, final Path dataDir, final String bootstrapServers) {
        this.server = server;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats storage, starts the broker and waits until it answers clients.
     *
     * @param port the client port on localhost, 1..65535, or 0 for a free port
     * @return the running broker
     * @throws BrokerStartException when the broker does not start (e.g. the port is taken), naming the cause
     */
    public static LocalKafkaBroker start(final int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("broker port must be in [0, 65535], got " + port);
        }
        Path dataDir = null;
        KafkaRaftServer server = null;
        try {
            final int clientPort = port == 0 ? freePort() : requireFree(port);
            final int controllerPort = freePort();
            dataDir = Files.createTempDirectory("egostream-kafka-");
            final Path logDir = Files.createDirectories(dataDir.resolve("log"));
            format(logDir);
            final String bootstrap = "localhost:" + clientPort;
            server = new KafkaRaftServer(new KafkaConfig(settings(logDir, clientPort, controllerPort), false),
                    Time.SYSTEM);
            server.startup();
            awaitReady(bootstrap);
            return new LocalKafkaBroker(server, dataDir, bootstrap);
        } catch (BrokerStartException e) {
            stopQuietly(server, dataDir);
            throw e;
        } catch (Exception e) {
            stopQuietly(server, dataDir);
            throw new BrokerStartException("cannot start the embedded Kafka broker"
                    + (port == 0 ? "" : " on port " + port) + ": " + rootMessage(e), e);
        }
    }

    private static Map<String, Object> settings(final Path logDir, final int clientPort, final int controllerPort) {
        final Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        return p;
    }

    private static void format(final Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(Set.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .run();
    }

    private static void awaitReady(final String bootstrap) throws InterruptedException {
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000))) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                }
                Thread.sleep(100);
            }
            throw new BrokerStartException("the embedded Kafka broker at " + bootstrap + " did not answer within "
                    + READY_TIMEOUT.toSeconds() + " s" + (last == null ? "" : ": " + rootMessage(last)), last);
        }
    }

    /**
     * Where clients connect.
     *
     * @return {@code localhost:PORT}
     */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The broker's data directory (deleted at close).
     *
     * @return the temporary directory
     */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker, waits for it to finish and deletes its data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopQuietly(server, dataDir);
        }
    }

    private static void stopQuietly(final KafkaRaftServer server, final Path dataDir) {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                LOG.warn("embedded Kafka broker did not stop cleanly: {}", rootMessage(e));
            }
        }
        if (dataDir != null) {
            deleteRecursively(dataDir);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", 0));
            return socket.getLocalPort();
        }
    }

    private static int requireFree(final int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
            return port;
        } catch (IOException e) {
            throw new BrokerStartException("cannot start the embedded Kafka broker on port " + port
                    + ": the port is in use (" + e.getMessage() + ")", e);
        }
    }

    private static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the broker data directory " + dir, e);
        }
    }

    private static String rootMessage(final Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
