package io.egostream.stream.config;

import io.egostream.config.EgoStreamConfig;
import io.egostream.config.KafkaConfig;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka client properties from the {@code kafka} configuration group. {@code kafka.client-props} is applied
 * last, so it overrides every setting made here.
 */
public final class StreamsProperties {

    private StreamsProperties() {}

    /**
     * Properties of the analyzer's {@code KafkaStreams}: application id, brokers, processing guarantee,
     * replication factor of internal topics, threads, standby replicas, commit interval, then the
     * pass-through client properties.
     *
     * @param config the configuration
     * @param bootstrapServers the brokers to use: {@code kafka.bootstrap-servers}, or the embedded broker's
     *     address when that key is empty
     * @return new properties
     */
    public static Properties streams(final EgoStreamConfig config, final String bootstrapServers) {
        final KafkaConfig kafka = config.kafka();
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, requireServers(bootstrapServers));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, kafka.processingGuarantee().kafkaName());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, kafka.replicationFactor());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, kafka.numStreamThreads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, kafka.standbyReplicas());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.commitIntervalMs());
        props.putAll(kafka.clientProps());
        return props;
    }

    /**
     * Properties of an admin client (topic creation, health checks).
     *
     * @param config the configuration
     * @param bootstrapServers the brokers to use (see {@link #streams})
     * @return new properties
     */
    public static Properties admin(final EgoStreamConfig config, final String bootstrapServers) {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, requireServers(bootstrapServers));
        props.putAll(config.kafka().clientProps());
        return props;
    }

    private static String requireServers(final String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must be host:port[,host:port...], got '"
                    + bootstrapServers + "'");
        }
        return bootstrapServers;
    }
}
