package io.egostream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path yaml(final String text) throws IOException {
        final Path file = dir.resolve("app.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static void assertMentions(final ConfigException e, final String... parts) {
        for (final String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message lacks '" + part + "': " + e.getMessage());
        }
    }

    @Test
    void shouldLoadShippedDefaults() {
        final EgoStreamConfig config = EgoStreamConfig.defaults();
        assertTrue(config.kafka().embedded());
        assertEquals(ProcessingGuarantee.EXACTLY_ONCE_V2, config.kafka().processingGuarantee());
        assertEquals("exactly_once_v2", config.kafka().processingGuarantee().kafkaName());
        assertEquals(Map.of(), config.kafka().clientProps());
        assertEquals("egostream.frames", config.topics().frames());
        assertEquals("egostream.frames.dlq", config.topics().framesDlq());
        assertEquals(8.0, config.window().osccWindowSeconds());
        assertEquals(16, config.window().pnrWindowNodes());
        assertEquals(15, config.window().nodesFor(8.0));
        assertEquals(256, config.model().featureDim());
        assertEquals(Device.AUTO, config.model().device());
        assertEquals(NmsMethod.SOFT, config.nms().method());
        assertEquals(2.0, config.nms().sigma());
        assertEquals(8080, config.http().port());
        assertEquals(1234567891L, config.training().seed());
        assertEquals(1e-5, config.training().weightDecay());
    }

    @Test
    void fileOverridesDefaultsAndEnvironmentOverridesFile() throws IOException {
        final Path file = yaml("http:\n  port: 9000\n  host: 0.0.0.0\nmodel:\n  batch-size: 8\n");
        final EgoStreamConfig fromFile = ConfigLoader.load(file, Map.of());
        assertEquals(9000, fromFile.http().port());
        assertEquals("0.0.0.0", fromFile.http().host());
        assertEquals(8, fromFile.model().batchSize());
        assertEquals(256, fromFile.model().featureDim(), "keys the file leaves out keep their defaults");

        final EgoStreamConfig fromEnv = ConfigLoader.load(file, Map.of(
                "EGOSTREAM_HTTP_PORT", "0",
                "EGOSTREAM_KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9093",
                "EGOSTREAM_KAFKA_PROCESSING_GUARANTEE", "at_least_once",
                "EGOSTREAM_KAFKA_CLIENT_PROPS", "{\"linger.ms\": 5, security.protocol: SSL}",
                "EGOSTREAM_METRICS_ENABLED", "false",
                "PATH", "/usr/bin"));
        assertEquals(0, fromEnv.http().port());
        assertEquals("0.0.0.0", fromEnv.http().host(), "the file still wins over the defaults");
        assertEquals("broker-1:9092,broker-2:9093", fromEnv.kafka().bootstrapServers());
        assertTrue(!fromEnv.kafka().embedded());
        assertEquals(ProcessingGuarantee.AT_LEAST_ONCE, fromEnv.kafka().processingGuarantee());
        assertEquals(Map.of("linger.ms", "5", "security.protocol", "SSL"), fromEnv.kafka().clientProps());
        assertTrue(!fromEnv.metrics().enabled());
    }

    @Test
    void reservedVariablesAreNotConfiguration() {
        final EgoStreamConfig config = ConfigLoader.load(null, Map.of(
                "EGOSTREAM_JAVA_OPTS", "-Xmx1g", "EGOSTREAM_CONFIG", "x.yaml", "EGOSTREAM_HOME", "/opt/egostream"));
        assertEquals(8080, config.http().port());
    }

    @Test
    void emptyFileAndEmptyGroupOverrideNothing() throws IOException {
        assertEquals(EgoStreamConfig.defaults(), ConfigLoader.load(yaml(""), Map.of()));
        assertEquals(EgoStreamConfig.defaults(), ConfigLoader.load(yaml("# nothing\nhttp:\n"), Map.of()));
    }

    @Test
    void unknownKeyIsRefusedWithKeyFileAndAllowedKeys() throws IOException {
        final Path file = yaml("http:\n  prot: 9000\n");
        final ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
        assertEquals("http.prot", e.key());
        assertMentions(e, "Unknown configuration key 'http.prot'", file.toString(), "host, port");
    }

    @Test
    void unknownGroupIsRefused() throws IOException {
        final ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("htp:\n  port: 1\n"), Map.of()));
        assertMentions(e, "Unknown configuration group 'htp'", "kafka, topics, window, model, nms, http");
    }

    @Test
    void wrongTypeIsRefusedWithKeyValueAndType() throws IOException {
        final ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("http:\n  port: eighty\n"), Map.of()));
        assertEquals("http.port", e.key());
        assertMentions(e, "http.port", "'eighty' (a string)", "an integer in [0, 65535]", "app.yaml");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("http:\n  port: 80.5\n"), Map.of())), "http.port", "80.5");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("metrics:\n  enabled: 1\n"), Map.of())), "metrics.enabled", "true or false");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("model:\n  preset: 7\n"), Map.of())), "model.preset", "7");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("model:\n  preset: huge\n"), Map.of())), "model.preset", "'huge'",
                "one of: shipped, reference, small");
        assertEquals("small", ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_PRESET", "small")).model().preset());
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("http:\n  port:\n"), Map.of())), "http.port", "empty (null)");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("kafka:\n  client-props: [a, b]\n"), Map.of())),
                "kafka.client-props", "a mapping of string keys to scalar values");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("http: 5\n"), Map.of())), "group 'http'", "must be a mapping");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("- a\n- b\n"), Map.of())), "must hold a mapping of groups");
    }

    @Test
    void outOfRangeValueIsRefusedWithRange() throws IOException {
        final ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("http:\n  port: 70000\n"), Map.of()));
        assertEquals("Invalid value for http.port: 70000 (from file " + dir.resolve("app.yaml")
                + "). Allowed: an integer in [0, 65535].", e.getMessage());
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("nms:\n  sigma: 0\n"), Map.of())), "nms.sigma", "(0, 100]");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("nms:\n  iou-threshold: 1.5\n"), Map.of())), "nms.iou-threshold", "[0, 1]");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("topics:\n  frames: 'bad topic'\n"), Map.of())),
                "topics.frames", "'bad topic'", "a Kafka topic name");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("kafka:\n  bootstrap-servers: localhost\n"), Map.of())),
                "kafka.bootstrap-servers", "host:port");
    }

    @Test
    void badEnumIsRefusedWithAllowedValues() throws IOException {
        final ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("model:\n  device: tpu\n"), Map.of()));
        assertEquals("model.device", e.key());
        assertMentions(e, "'tpu'", "one of: cpu, gpu, auto");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("EGOSTREAM_KAFKA_PROCESSING_GUARANTEE", "exactly_once"))),
                "kafka.processing-guarantee", "one of: at_least_once, exactly_once_v2");
    }

    @Test
    void badEnvironmentOverrideIsRefusedNamingVariableAndKey() {
        final ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("EGOSTREAM_HTTP_PORT", "eighty")));
        assertEquals("Invalid value for http.port: 'eighty' (from environment variable EGOSTREAM_HTTP_PORT)."
                + " Allowed: an integer in [0, 65535].", e.getMessage());
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("EGOSTREAM_HTTP_PORT", "-1"))), "http.port", "'-1'");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("EGOSTREAM_METRICS_ENABLED", "yes"))), "metrics.enabled");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("EGOSTREAM_KAFKA_CLIENT_PROPS", "linger.ms=5"))),
                "kafka.client-props");
    }

    @Test
    void unknownEnvironmentVariableIsRefused() {
        final ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("EGOSTREAM_HTTP_PROT", "1")));
        assertEquals("EGOSTREAM_HTTP_PROT", e.key());
        assertMentions(e, "Unknown environment variable EGOSTREAM_HTTP_PROT", "EGOSTREAM_HTTP_HOST, EGOSTREAM_HTTP_PORT");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("EGOSTREAM_PORT", "1"))), "EGOSTREAM_PORT", "EGOSTREAM_<GROUP>_<KEY>");
    }

    @Test
    void malformedYamlIsRefusedNamingTheFile() throws IOException {
        final Path file = yaml("http:\n  port: [1, 2\n");
        final ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
        assertMentions(e, "Cannot parse configuration file " + file, "line");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("http:\n  port: 1\n  port: 2\n"), Map.of())),
                "Cannot parse configuration file", "port");
        final Path missing = dir.resolve("missing.yaml");
        assertMentions(assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of())),
                "Cannot read configuration file " + missing, "no such file");
    }

    @Test
    void valuesThatDoNotFitTogetherAreRefused() throws IOException {
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("window:\n  ar-hop-seconds: 9\n"), Map.of())),
                "window.ar-hop-seconds", "at most window.ar-window-seconds (8.0)");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("window:\n  frames-retained: 100\n"), Map.of())),
                "window.frames-retained", "900 frames of window.mq-context-seconds");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(yaml("topics:\n  moments: egostream.actions\n"), Map.of())),
                "topics.moments", "'egostream.actions' is already the name of another topic");
        assertMentions(assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, Map.of("EGOSTREAM_TRAINING_WARMUP_EPOCHS", "20"))),
                "training.warmup-epochs", "at most training.epochs (15)");
    }

    @Test
    void numbersInExponentNotationAreRead() throws IOException {
        final EgoStreamConfig config = ConfigLoader.load(yaml("training:\n  learning-rate: 3.0e-5\n"),
                Map.of("EGOSTREAM_TRAINING_WEIGHT_DECAY", "1e-3"));
        assertEquals(3.0e-5, config.training().learningRate());
        assertEquals(1e-3, config.training().weightDecay());
    }

    @Test
    void recordsValidateWhenBuiltDirectly() {
        final ConfigException e = assertThrows(ConfigException.class, () -> new HttpConfig("localhost", -5, ""));
        assertEquals("Invalid value for http.port: -5. Allowed: an integer in [0, 65535].", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MetricsConfig(true, "9bad"));
        assertThrows(ConfigException.class, () -> new HttpConfig("0.0.0.0", 8080, "host:8080"),
                "the advertised host carries no port (the bound port is advertised)");
    }
}
