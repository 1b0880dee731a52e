package io.egostream.cli.cluster;

import io.egostream.cli.EgoStreamCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A multi-node EgoStream on this machine, every node its own JVM ({@link ClusterSpec}): three Kafka nodes
 * ({@code kafka.Kafka}, KRaft, replication factor 3, {@code min.insync.replicas} 2), analyzer instances
 * ({@code egostream run}, the same application id, {@code http.port}s of their own, state directories of their own,
 * {@code session.timeout.ms} 10 s so a crashed instance's partitions move within seconds) and the simulated cameras
 * ({@code egostream simulate}). {@link #close()} stops the cameras, the analyzers, then the brokers.
 */
public final class LocalCluster implements AutoCloseable {

    private static final Duration BROKERS_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration ANALYZER_TIMEOUT = Duration.ofSeconds(300);

    private final ClusterSpec spec;
    private final List<BrokerNode> brokerNodes;
    private final List<ChildProcess> brokers = new ArrayList<>();
    private final List<ChildProcess> analyzers = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private ChildProcess cameras;

    private LocalCluster(final ClusterSpec spec, final List<BrokerNode> brokerNodes) {
        this.spec = spec;
        this.brokerNodes = List.copyOf(brokerNodes);
    }

    /**
     * Starts every node and waits until the brokers form a cluster and every analyzer is ready.
     *
     * @param spec what to start
     * @param progress where to say what happens
     * @return the running cluster
     * @throws IOException when a file or process cannot be made
     * @throws InterruptedException when interrupted while waiting
     * @throws IllegalStateException naming the node (and the tail of its log) when a node does not come up
     */
    public static LocalCluster start(final ClusterSpec spec, final PrintWriter progress)
            throws IOException, InterruptedException {
        Files.createDirectories(spec.dir());
        final List<BrokerNode> nodes = new ArrayList<>();
        for (int id = 1; id <= ClusterSpec.BROKERS; id++) {
            nodes.add(new BrokerNode(id, freePort(), freePort(), spec.dir().resolve("broker-" + id)));
        }
        final LocalCluster cluster = new LocalCluster(spec, nodes);
        try {
            cluster.startBrokers(progress);
            cluster.startAnalyzers(progress);
            if (spec.cameras() > 0) {
                cluster.startCameras(progress);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startBrokers(final PrintWriter progress) throws IOException, InterruptedException {
        final String clusterId = Uuid.randomUuid().toString();
        for (final BrokerNode node : brokerNodes) {
            node.prepare(brokerNodes, clusterId);
            brokers.add(ChildProcess.start("broker-" + node.nodeId(), java(384, "kafka.Kafka",
                    List.of(node.properties().toString())), Map.of(), spec.dir().resolve("broker-" + node.nodeId()
                    + ".log")));
        }
        say(progress, "Kafka: " + ClusterSpec.BROKERS + " KRaft nodes at " + bootstrapServers() + " (replication "
                + "factor " + ClusterSpec.REPLICATION_FACTOR + ", min.insync.replicas "
                + ClusterSpec.MIN_IN_SYNC_REPLICAS + "), waiting for all of them...");
        awaitBrokers(ClusterSpec.BROKERS, BROKERS_TIMEOUT);
    }

    private void startAnalyzers(final PrintWriter progress) throws IOException, InterruptedException {
        for (int i = 1; i <= spec.analyzers(); i++) {
            final int port = freePort();
            httpPorts.add(port);
            final Path state = Files.createDirectories(spec.dir().resolve("analyzer-" + i).resolve("state"));
            final Map<String, String> env = new HashMap<>(nodeEnv());
            env.put("EGOSTREAM_HTTP_HOST", "127.0.0.1");
            env.put("EGOSTREAM_HTTP_PORT", Integer.toString(port));
            env.put("EGOSTREAM_KAFKA_CLIENT_PROPS", "{\"state.dir\": \"" + state.toString().replace("\\", "/")
                    + "\", \"session.timeout.ms\": 10000, \"heartbeat.interval.ms\": 2000}");
            final List<String> args = new ArrayList<>(List.of("run"));
            addConfig(args);
            analyzers.add(ChildProcess.start("analyzer-" + i, java(spec.analyzerHeapMb(), EgoStreamCli.class.getName(),
                    args), env, spec.dir().resolve("analyzer-" + i + ".log")));
        }
        say(progress, "Analyzers: " + spec.analyzers() + " instances, dashboards " + String.join(", ",
                dashboards()) + ", waiting until each is ready...");
        for (int i = 0; i < analyzers.size(); i++) {
            awaitReady(analyzers.get(i), httpPorts.get(i), ANALYZER_TIMEOUT);
        }
    }

    private void startCameras(final PrintWriter progress) throws IOException {
        final List<String> args = new ArrayList<>(List.of("simulate", "--cameras", Integer.toString(spec.cameras()),
                "--speed", Double.toString(spec.speed()), "--frames", Long.toString(spec.framesPerCamera())));
        addConfig(args);
        cameras = ChildProcess.start("cameras", java(256, EgoStreamCli.class.getName(), args), nodeEnv(),
                spec.dir().resolve("cameras.log"));
        say(progress, "Cameras: " + spec.cameras() + " simulated at " + spec.speed() + "x real time"
                + (spec.framesPerCamera() == 0 ? "" : ", " + spec.framesPerCamera() + " frames each"));
    }

    private Map<String, String> nodeEnv() {
        final Map<String, String> env = new HashMap<>(spec.env());
        env.put("EGOSTREAM_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("EGOSTREAM_KAFKA_REPLICATION_FACTOR", Integer.toString(ClusterSpec.REPLICATION_FACTOR));
        return env;
    }

    private void addConfig(final List<String> args) {
        if (spec.config() != null) {
            args.add("--config");
            args.add(spec.config().toAbsolutePath().toString());
        }
    }

    private static List<String> java(final int heapMb, final String mainClass, final List<String> args) {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return command;
    }

    /**
     * Where clients connect.
     *
     * @return every broker's {@code localhost:port}, comma-separated
     */
    public String bootstrapServers() {
        final List<String> servers = new ArrayList<>();
        brokerNodes.forEach(n -> servers.add(n.bootstrap()));
        return String.join(",", servers);
    }

    /**
     * The Kafka nodes, in node id order.
     *
     * @return broker-1, broker-2, broker-3
     */
    public List<ChildProcess> brokers() {
        return List.copyOf(brokers);
    }

    /**
     * The analyzer instances.
     *
     * @return analyzer-1 ...
     */
    public List<ChildProcess> analyzers() {
        return List.copyOf(analyzers);
    }

    /**
     * The simulated cameras.
     *
     * @return their process, or null when none were started
     */
    public ChildProcess cameras() {
        return cameras;
    }

    /**
     * Each analyzer's dashboard.
     *
     * @return {@code http://127.0.0.1:PORT/} per analyzer
     */
    public List<String> dashboards() {
        final List<String> urls = new ArrayList<>();
        httpPorts.forEach(p -> urls.add("http://127.0.0.1:" + p + "/"));
        return urls;
    }

    /**
     * Waits until the cluster has a number of live brokers.
     *
     * @param count how many
     * @param timeout how long at most
     * @throws InterruptedException when interrupted
     * @throws IllegalStateException naming the brokers seen, with the tail of each log, on timeout
     */
    public void awaitBrokers(final int count, final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> seen = Set.of();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000))) {
            while (System.nanoTime() < deadline) {
                try {
                    final Set<Integer> ids = new HashSet<>();
                    for (final Node node : admin.describeCluster().nodes().get(5, TimeUnit.SECONDS)) {
                        ids.add(node.id());
                    }
                    seen = ids;
                    if (ids.size() >= count) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not up yet
                }
                Thread.sleep(500);
            }
        }
        final StringBuilder logs = new StringBuilder();
        for (final ChildProcess b : brokers) {
            logs.append("\n--- ").append(b.name()).append(b.alive() ? "" : " (exited)").append(":\n")
                    .append(b.tail(15));
        }
        throw new IllegalStateException("only brokers " + seen + " of " + count + " joined within "
                + timeout.toSeconds() + " s" + logs);
    }

    private static void awaitReady(final ChildProcess analyzer, final int port, final Duration timeout)
            throws InterruptedException {
        final HttpClient http = HttpClient.newHttpClient();
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && analyzer.alive()) {
            try {
                final HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(analyzer.name() + " was not ready within " + timeout.toSeconds() + " s"
                + (analyzer.alive() ? "" : " (it exited)") + "; its log " + analyzer.log() + " ends:\n"
                + analyzer.tail(20));
    }

    private static void say(final PrintWriter progress, final String line) {
        progress.println(line);
        progress.flush();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the cameras, then the analyzers (cleanly, in parallel), then the brokers. */
    @Override
    public void close() {
        if (cameras != null) {
            cameras.close();
        }
        stopAll(analyzers);
        stopAll(brokers);
    }

    private static void stopAll(final List<ChildProcess> nodes) {
        for (final ChildProcess node : nodes) {
            if (node.alive()) {
                node.process().destroy();
            }
        }
        for (final ChildProcess node : nodes) {
            node.close();
        }
    }

    /**
     * A one-line status of every node.
     *
     * @return e.g. {@code broker-1 up (pid 4242), broker-2 down, ...}
     */
    public String status() {
        final List<String> parts = new ArrayList<>();
        final List<ChildProcess> all = new ArrayList<>(brokers);
        all.addAll(analyzers);
        if (cameras != null) {
            all.add(cameras);
        }
        for (final ChildProcess node : all) {
            parts.add(node.name() + (node.alive() ? " up (pid " + node.process().pid() + ")" : " down"));
        }
        return String.join(", ", parts);
    }
}
