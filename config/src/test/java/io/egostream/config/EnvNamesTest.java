package io.egostream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvNamesTest {

    @Test
    void shouldUpperCaseGroupAndKeyAndWriteDashesAsUnderscores() {
        assertEquals("EGOSTREAM_HTTP_PORT", HttpConfig.PORT.envName());
        assertEquals("EGOSTREAM_KAFKA_BOOTSTRAP_SERVERS", KafkaConfig.BOOTSTRAP_SERVERS.envName());
        assertEquals("EGOSTREAM_TOPICS_FRAMES_DLQ", TopicsConfig.FRAMES_DLQ.envName());
    }

    @Test
    void everyKeyHasItsOwnVariableAndIsFoundByIt() {
        final Set<String> names = new HashSet<>();
        for (final ConfigKey key : ConfigSchema.keys()) {
            assertEquals(true, names.add(key.envName()), key.envName());
            assertEquals(key, ConfigSchema.byEnvName(key.envName()).orElseThrow());
        }
    }
}
