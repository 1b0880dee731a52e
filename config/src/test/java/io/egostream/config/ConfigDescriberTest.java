package io.egostream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConfigDescriberTest {

    private static final String TABLE_START = "<!-- config-table:start -->\n";
    private static final String TABLE_END = "<!-- config-table:end -->";

    @Test
    void shouldDescribeEveryKeyWithTypeDefaultAllowedAndDoc() {
        final List<ConfigDescriber.KeyDescription> rows = ConfigDescriber.describe();
        assertEquals(ConfigSchema.keys().size(), rows.size());
        final ConfigDescriber.KeyDescription port = rows.stream()
                .filter(r -> r.key().equals("http.port")).findFirst().orElseThrow();
        assertEquals(new ConfigDescriber.KeyDescription("http.port", "integer", "8080", "an integer in [0, 65535]",
                "EGOSTREAM_HTTP_PORT", HttpConfig.PORT.doc()), port);
        final ConfigDescriber.KeyDescription bootstrap = rows.get(0);
        assertEquals("kafka.bootstrap-servers", bootstrap.key());
        assertEquals("\"\"", bootstrap.defaultValue());
    }

    @Test
    void readmeTableMatchesTheSchema() throws IOException {
        final String readme = Files.readString(Path.of("..", "README.md"));
        final int start = readme.indexOf(TABLE_START);
        final int end = readme.indexOf(TABLE_END);
        assertTrue(start >= 0 && end > start, "README.md must hold the key table between " + TABLE_START.trim()
                + " and " + TABLE_END);
        final String table = readme.substring(start + TABLE_START.length(), end);
        assertEquals(ConfigDescriber.markdownTable(), table,
                "README.md's configuration table is stale; replace it with:\n" + ConfigDescriber.markdownTable());
    }

    @Test
    void everyKeyOfTheDefaultsFileHasACommentAboveIt() throws IOException {
        final List<String> lines = new ArrayList<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ConfigLoader.DEFAULTS_RESOURCE)) {
            lines.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        final Set<String> documented = new TreeSet<>();
        String group = null;
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i);
            if (line.matches("[a-z]+:\\s*")) {
                group = line.substring(0, line.indexOf(':'));
            } else if (line.matches("  [a-z][a-z0-9-]*:.*")) {
                final String key = group + "." + line.trim().substring(0, line.trim().indexOf(':'));
                assertTrue(i > 0 && lines.get(i - 1).trim().startsWith("#"), "no comment above " + key);
                documented.add(key);
            }
        }
        final Set<String> schema = new TreeSet<>();
        ConfigSchema.keys().forEach(k -> schema.add(k.name()));
        assertEquals(schema, documented, "the defaults file lists exactly the schema's keys");
    }
}
