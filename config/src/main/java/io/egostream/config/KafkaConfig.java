package io.egostream.config;

import java.util.List;
import java.util.Map;

/**
 * Group {@code kafka}: how the apps reach Kafka and how Kafka Streams runs.
 *
 * @param bootstrapServers comma-separated {@code host:port} list; empty = start the embedded broker
 * @param applicationId Kafka Streams application id (consumer group and internal topic prefix)
 * @param processingGuarantee Kafka Streams processing guarantee
 * @param replicationFactor replication factor of the topics the apps create (and of internal topics)
 * @param numStreamThreads Kafka Streams threads per instance
 * @param standbyReplicas warm standby copies of each state store
 * @param commitIntervalMs Kafka Streams commit interval, ms (with exactly-once: the transaction length)
 * @param clientProps extra Kafka client properties passed through unchanged (e.g. security settings)
 */
public record KafkaConfig(
        String bootstrapServers,
        String applicationId,
        ProcessingGuarantee processingGuarantee,
        int replicationFactor,
        int numStreamThreads,
        int standbyReplicas,
        long commitIntervalMs,
        Map<String, String> clientProps) {

    /** {@code kafka.bootstrap-servers}. */
    public static final ConfigKey BOOTSTRAP_SERVERS = ConfigKey.ofString("kafka.bootstrap-servers",
            "|[^\\s,]+:[0-9]{1,5}(,[^\\s,]+:[0-9]{1,5})*", "empty, or host:port[,host:port...]",
            "Kafka brokers to connect to, as host:port[,host:port...]; empty starts the embedded broker "
                    + "(KRaft, data in a temporary directory removed at exit).");
    /** {@code kafka.application-id}. */
    public static final ConfigKey APPLICATION_ID = ConfigKey.ofString("kafka.application-id",
            "[a-zA-Z0-9._-]{1,200}", "1-200 of a-z A-Z 0-9 . _ -",
            "Kafka Streams application id: the consumer group and the prefix of internal topics.");
    /** {@code kafka.processing-guarantee}. */
    public static final ConfigKey PROCESSING_GUARANTEE = ConfigKey.ofEnum("kafka.processing-guarantee",
            ProcessingGuarantee.class, "Kafka Streams processing guarantee; exactly_once_v2 needs brokers >= 2.5.");
    /** {@code kafka.replication-factor}. */
    public static final ConfigKey REPLICATION_FACTOR = ConfigKey.ofInt("kafka.replication-factor", 1, 32767,
            "Replication factor of the topics EgoStream creates and of Kafka Streams internal topics.");
    /** {@code kafka.num-stream-threads}. */
    public static final ConfigKey NUM_STREAM_THREADS = ConfigKey.ofInt("kafka.num-stream-threads", 1, 64,
            "Kafka Streams processing threads per analyzer instance.");
    /** {@code kafka.standby-replicas}. */
    public static final ConfigKey STANDBY_REPLICAS = ConfigKey.ofInt("kafka.standby-replicas", 0, 8,
            "Warm standby copies of each state store kept on other instances.");
    /** {@code kafka.commit-interval-ms}. */
    public static final ConfigKey COMMIT_INTERVAL_MS = ConfigKey.ofLong("kafka.commit-interval-ms", 1, 600_000,
            "Kafka Streams commit interval in ms; with exactly_once_v2 it bounds how long outputs stay uncommitted.");
    /** {@code kafka.client-props}. */
    public static final ConfigKey CLIENT_PROPS = ConfigKey.ofMap("kafka.client-props",
            "Extra Kafka client properties passed unchanged to every producer, consumer and admin client "
                    + "(e.g. security.protocol); they override EgoStream's own client settings.");

    /** Validates every field; copies the map. */
    public KafkaConfig {
        BOOTSTRAP_SERVERS.require(bootstrapServers);
        APPLICATION_ID.require(applicationId);
        PROCESSING_GUARANTEE.require(processingGuarantee);
        REPLICATION_FACTOR.require(replicationFactor);
        NUM_STREAM_THREADS.require(numStreamThreads);
        STANDBY_REPLICAS.require(standbyReplicas);
        COMMIT_INTERVAL_MS.require(commitIntervalMs);
        clientProps = Map.copyOf(CLIENT_PROPS.require(clientProps));
    }

    /**
     * Whether the apps start the embedded broker.
     *
     * @return true when {@link #bootstrapServers} is empty
     */
    public boolean embedded() {
        return bootstrapServers.isEmpty();
    }

    static List<ConfigKey> keys() {
        return List.of(BOOTSTRAP_SERVERS, APPLICATION_ID, PROCESSING_GUARANTEE, REPLICATION_FACTOR,
                NUM_STREAM_THREADS, STANDBY_REPLICAS, COMMIT_INTERVAL_MS, CLIENT_PROPS);
    }

    static KafkaConfig from(final ConfigValues v) {
        return new KafkaConfig(v.string(BOOTSTRAP_SERVERS), v.string(APPLICATION_ID),
                v.enumValue(PROCESSING_GUARANTEE, ProcessingGuarantee.class), v.intValue(REPLICATION_FACTOR),
                v.intValue(NUM_STREAM_THREADS), v.intValue(STANDBY_REPLICAS), v.longValue(COMMIT_INTERVAL_MS),
                v.map(CLIENT_PROPS));
    }
}
