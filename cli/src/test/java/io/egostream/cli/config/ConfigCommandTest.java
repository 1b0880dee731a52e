package io.egostream.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.ConfigSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final Map<String, String> env, final String... args) {
        final CommandLine cli = new CommandLine(new ConfigCommand().withEnv(env));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldPrintEveryEffectiveValueWithFileAndEnvironmentApplied() throws IOException {
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, "http:\n  port: 9100\nmodel:\n  batch-size: 8\n");
        assertEquals(0, run(Map.of("EGOSTREAM_MODEL_BATCH_SIZE", "16"), "--config", file.toString()));
        final String text = out.toString();
        assertEquals(ConfigSchema.keys().size(), text.lines().count());
        assertTrue(text.contains("http.port = 9100\n"), text);
        assertTrue(text.contains("model.batch-size = 16\n"), text);
        assertTrue(text.contains("kafka.processing-guarantee = exactly_once_v2\n"), text);
    }

    @Test
    void shouldReadTheFileNamedByTheVariable() throws IOException {
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, "http:\n  port: 9200\n");
        assertEquals(0, run(Map.of("EGOSTREAM_CONFIG", file.toString())));
        assertTrue(out.toString().contains("http.port = 9200\n"), out.toString());
    }

    @Test
    void invalidConfigurationExitsWithTwoAndNamesTheKey() throws IOException {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "http:\n  port: 70000\n");
        assertEquals(2, run(Map.of(), "--config", file.toString()));
        assertEquals("egostream config: Invalid value for http.port: 70000 (from file " + file
                + "). Allowed: an integer in [0, 65535].\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void describePrintsOneRowPerKey() {
        assertEquals(0, run(Map.of(), "--describe"));
        assertEquals(ConfigSchema.keys().size() + 2, out.toString().lines().count());
        assertTrue(out.toString().contains("| `http.port` | integer | `8080` | an integer in [0, 65535] | `EGOSTREAM_HTTP_PORT` |"));
    }
}
