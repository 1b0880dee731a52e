package io.egostream.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads the configuration in three layers, each overriding the one before: the shipped defaults
 * ({@value #DEFAULTS_RESOURCE} on the class path), then the YAML file if one is given, then environment
 * variables named by {@link EnvNames}. Every value is checked as it is read and the groups are checked
 * together at the end; the first problem stops loading with a {@link ConfigException} naming the key (or
 * file or variable), the value and what is allowed.
 */
public final class ConfigLoader {

    /** Class-path resource of the shipped defaults. */
    public static final String DEFAULTS_RESOURCE = "egostream-defaults.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {}

    /**
     * Loads and validates the configuration.
     *
     * @param fileOrNull a YAML file of overrides (any subset of groups and keys), or null for none
     * @param env environment variables (usually {@code System.getenv()}); only {@code EGOSTREAM_*} are read
     * @return the configuration
     * @throws ConfigException on an unknown key or variable, a wrong type, an out-of-range value, a file that
     *     cannot be read or parsed, or values that do not fit together
     */
    public static EgoStreamConfig load(final Path fileOrNull, final Map<String, String> env) {
        return EgoStreamConfig.from(loadValues(fileOrNull, env));
    }

    /**
     * Loads and checks every value, without building the groups (for printing the effective values).
     *
     * @param fileOrNull a YAML file of overrides, or null
     * @param env environment variables
     * @return one typed value per key
     * @throws ConfigException as {@link #load}
     */
    public static ConfigValues loadValues(final Path fileOrNull, final Map<String, String> env) {
        final Map<ConfigKey, Object> values = new LinkedHashMap<>();
        final String defaultsSource = "shipped defaults " + DEFAULTS_RESOURCE;
        applyTree(readDefaults(), defaultsSource, values);
        for (final ConfigKey key : ConfigSchema.keys()) {
            if (!values.containsKey(key)) {
                throw new ConfigException(key.name(), "The " + defaultsSource + " lack key " + key.name() + ".");
            }
        }
        if (fileOrNull != null) {
            applyTree(readFile(fileOrNull), "file " + fileOrNull, values);
        }
        applyEnv(env, values);
        return new ConfigValues(values);
    }

    /**
     * The shipped defaults as values.
     *
     * @return one typed value per key, as written in {@value #DEFAULTS_RESOURCE}
     */
    public static ConfigValues defaultValues() {
        return loadValues(null, Map.of());
    }

    private static JsonNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new ConfigException(null, "The shipped defaults " + DEFAULTS_RESOURCE
                        + " are not on the class path.");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException("Cannot parse the shipped defaults " + DEFAULTS_RESOURCE + ": "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode readFile(final Path file) {
        try {
            return YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": no such file.", e);
        } catch (JacksonException e) {
            final JsonLocation at = e.getLocation();
            final String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException("Cannot parse configuration file " + file + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void applyTree(final JsonNode root, final String source, final Map<ConfigKey, Object> values) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return; // an empty file overrides nothing
        }
        if (!root.isObject()) {
            throw new ConfigException(null, "The " + source + " must hold a mapping of groups ("
                    + String.join(", ", ConfigSchema.groups()) + "), not " + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " " + root + ".");
        }
        for (final Map.Entry<String, JsonNode> group : root.properties()) {
            final List<ConfigKey> keys = ConfigSchema.keysOf(group.getKey());
            if (keys.isEmpty()) {
                throw new ConfigException(group.getKey(), "Unknown configuration group '" + group.getKey()
                        + "' in " + source + ". Allowed groups: " + String.join(", ", ConfigSchema.groups()) + ".");
            }
            applyGroup(group.getKey(), group.getValue(), keys, source, values);
        }
    }

    private static void applyGroup(final String group, final JsonNode node, final List<ConfigKey> keys,
            final String source, final Map<ConfigKey, Object> values) {
        if (node.isNull()) {
            return; // "http:" with nothing under it overrides nothing
        }
        if (!node.isObject()) {
            throw new ConfigException(group, "Configuration group '" + group + "' in " + source
                    + " must be a mapping of keys, not " + node + ". Allowed keys: "
                    + String.join(", ", ConfigSchema.shortNames(keys)) + ".");
        }
        for (final Map.Entry<String, JsonNode> field : node.properties()) {
            final String name = group + "." + field.getKey();
            final ConfigKey key = ConfigSchema.byName(name).orElseThrow(() -> new ConfigException(name,
                    "Unknown configuration key '" + name + "' in " + source + ". Allowed keys of group " + group
                            + ": " + String.join(", ", ConfigSchema.shortNames(keys)) + "."));
            values.put(key, ConfigValueReader.fromYaml(key, field.getValue(), source));
        }
    }

    private static void applyEnv(final Map<String, String> env, final Map<ConfigKey, Object> values) {
        for (final Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            final String name = variable.getKey();
            if (!name.startsWith(EnvNames.PREFIX) || EnvNames.RESERVED.contains(name)) {
                continue;
            }
            final ConfigKey key = ConfigSchema.byEnvName(name).orElseThrow(() -> unknownVariable(name));
            values.put(key, ConfigValueReader.fromText(key, variable.getValue(), "environment variable " + name));
        }
    }

    private static ConfigException unknownVariable(final String name) {
        final List<String> candidates = new ArrayList<>();
        for (final String group : ConfigSchema.groups()) {
            final String groupPrefix = EnvNames.PREFIX + group.toUpperCase(Locale.ROOT) + "_";
            if (name.startsWith(groupPrefix)) {
                for (final ConfigKey key : ConfigSchema.keysOf(group)) {
                    candidates.add(key.envName());
                }
            }
        }
        final String allowed = candidates.isEmpty()
                ? "EGOSTREAM_<GROUP>_<KEY> with a group of " + String.join(", ", ConfigSchema.groups())
                        + " (upper case, '-' written as '_'), or one of " + new TreeSet<>(EnvNames.RESERVED)
                : String.join(", ", candidates);
        return new ConfigException(name, "Unknown environment variable " + name
                + ": no configuration key has that name. Allowed: " + allowed + ".");
    }
}
