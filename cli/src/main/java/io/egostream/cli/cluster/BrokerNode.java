package io.egostream.cli.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka node of the local cluster (broker and KRaft controller, static quorum of all nodes): its
 * {@code server.properties} and formatted storage. The node runs as {@code java kafka.Kafka server.properties}.
 *
 * @param nodeId the node id, 1..
 * @param clientPort the PLAINTEXT listener on localhost
 * @param controllerPort the CONTROLLER listener on localhost
 * @param dir the node's directory (configuration and data)
 */
public record BrokerNode(int nodeId, int clientPort, int controllerPort, Path dir) {

    /**
     * Where clients connect.
     *
     * @return {@code localhost:clientPort}
     */
    public String bootstrap() {
        return "localhost:" + clientPort;
    }

    /**
     * The node's configuration file.
     *
     * @return {@code dir/server.properties}
     */
    public Path properties() {
        return dir.resolve("server.properties");
    }

    /**
     * Writes {@code server.properties} and formats the data directory.
     *
     * @param quorum every node of the cluster
     * @param clusterId the cluster id (the same on every node)
     * @throws IOException when a file cannot be written
     * @throws IllegalStateException when formatting fails
     */
    public void prepare(final List<BrokerNode> quorum, final String clusterId) throws IOException {
        final Path data = Files.createDirectories(dir.resolve("data"));
        final StringBuilder voters = new StringBuilder();
        for (final BrokerNode n : quorum) {
            voters.append(voters.length() == 0 ? "" : ",").append(n.nodeId()).append("@localhost:")
                    .append(n.controllerPort());
        }
        final Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(nodeId));
        p.setProperty("controller.quorum.voters", voters.toString());
        p.setProperty("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:"
                + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", data.toString());
        p.setProperty("metadata.log.dir", data.toString());
        final String rf = Integer.toString(ClusterSpec.REPLICATION_FACTOR);
        final String isr = Integer.toString(ClusterSpec.MIN_IN_SYNC_REPLICAS);
        p.setProperty("default.replication.factor", rf);
        p.setProperty("min.insync.replicas", isr);
        p.setProperty("offsets.topic.replication.factor", rf);
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", rf);
        p.setProperty("transaction.state.log.min.isr", isr);
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("share.coordinator.state.topic.replication.factor", rf);
        p.setProperty("share.coordinator.state.topic.min.isr", isr);
        p.setProperty("unclean.leader.election.enable", "false");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "4");
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        try (Writer out = Files.newBufferedWriter(properties(), StandardCharsets.UTF_8)) {
            p.store(out, "EgoStream local cluster: Kafka node " + nodeId);
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(Set.of(data.toString()))
                    .setMetadataLogDirectory(data.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the storage of Kafka node " + nodeId + " in " + data
                    + ": " + e.getMessage(), e);
        }
    }
}
