package io.egostream.stream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    @Test
    void shouldMapTheKafkaGroupToStreamsSettings() {
        final Properties props = StreamsProperties.streams(EgoStreamConfig.defaults(), "localhost:9092");
        final StreamsConfig streams = new StreamsConfig(props);
        assertEquals("egostream-analyzer", streams.getString(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("exactly_once_v2", streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(1, streams.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG));
        assertEquals(100L, streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertEquals("localhost:9092", String.join(",", streams.getList(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)));
    }

    @Test
    void clientPropsOverrideEverything() {
        final EgoStreamConfig config = ConfigLoader.load(null, Map.of("EGOSTREAM_KAFKA_CLIENT_PROPS",
                "{commit.interval.ms: 250, security.protocol: PLAINTEXT}"));
        final Properties props = StreamsProperties.streams(config, "b:9092");
        assertEquals("250", props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertEquals(250L, new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertEquals("PLAINTEXT", StreamsProperties.admin(config, "b:9092").get("security.protocol"));
    }

    @Test
    void bootstrapServersMustBeGiven() {
        assertThrows(IllegalArgumentException.class, () -> StreamsProperties.streams(EgoStreamConfig.defaults(), ""));
    }
}
