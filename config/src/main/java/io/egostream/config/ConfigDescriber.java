package io.egostream.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes every configuration key: type, shipped default, allowed values, environment variable and doc.
 * The README's key table is {@link #markdownTable()} (a test keeps them equal), and a command can print it.
 */
public final class ConfigDescriber {

    private ConfigDescriber() {}

    /**
     * One row of the key table.
     *
     * @param key full key, e.g. {@code http.port}
     * @param type value type, e.g. {@code integer}
     * @param defaultValue the shipped default, as YAML writes it
     * @param allowed what values are allowed, in words
     * @param envName the overriding environment variable
     * @param doc what the key does
     */
    public record KeyDescription(
            String key, String type, String defaultValue, String allowed, String envName, String doc) {}

    /**
     * Describes every key with the shipped defaults.
     *
     * @return one row per key, in schema order
     */
    public static List<KeyDescription> describe() {
        return describe(ConfigLoader.defaultValues());
    }

    /**
     * Describes every key with the given values in the default column (e.g. the effective configuration).
     *
     * @param values one value per key
     * @return one row per key, in schema order
     */
    public static List<KeyDescription> describe(final ConfigValues values) {
        final List<KeyDescription> rows = new ArrayList<>();
        for (final ConfigKey key : ConfigSchema.keys()) {
            rows.add(new KeyDescription(key.name(), key.type().displayName(), key.display(values.get(key)),
                    key.allowed(), key.envName(), key.doc()));
        }
        return rows;
    }

    /**
     * The key table in Markdown with the shipped defaults: columns key, type, default, allowed, doc.
     * Environment variables follow the rule in {@link EnvNames}, so the table does not repeat them.
     *
     * @return the table, one line per key after the two header lines, each ending with a newline
     */
    public static String markdownTable() {
        final StringBuilder table = new StringBuilder();
        table.append("| key | type | default | allowed | what it does |\n");
        table.append("|---|---|---|---|---|\n");
        for (final KeyDescription row : describe()) {
            table.append("| `").append(row.key()).append("` | ").append(row.type()).append(" | `")
                    .append(row.defaultValue()).append("` | ").append(cell(row.allowed())).append(" | ")
                    .append(cell(row.doc())).append(" |\n");
        }
        return table.toString();
    }

    private static String cell(final String text) {
        return text.replace("|", "\\|");
    }
}
