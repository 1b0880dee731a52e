package io.egostream.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every configuration key, grouped by consumer, in the order of the defaults file and the README table. */
public final class ConfigSchema {

    private static final Map<String, List<ConfigKey>> GROUPS = new LinkedHashMap<>();
    private static final Map<String, ConfigKey> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, ConfigKey> BY_ENV = new LinkedHashMap<>();

    static {
        group("kafka", KafkaConfig.keys());
        group("topics", TopicsConfig.keys());
        group("window", WindowConfig.keys());
        group("model", ModelConfig.keys());
        group("nms", NmsConfig.keys());
        group("http", HttpConfig.keys());
        group("metrics", MetricsConfig.keys());
        group("ingest", IngestConfig.keys());
        group("training", TrainingConfig.keys());
        group("search", SearchConfig.keys());
    }

    private ConfigSchema() {}

    private static void group(final String name, final List<ConfigKey> keys) {
        GROUPS.put(name, keys);
        for (final ConfigKey key : keys) {
            if (!key.group().equals(name)) {
                throw new IllegalStateException("key " + key + " is listed in group " + name);
            }
            if (BY_NAME.put(key.name(), key) != null) {
                throw new IllegalStateException("key " + key + " is defined twice");
            }
            final ConfigKey clash = BY_ENV.put(key.envName(), key);
            if (clash != null || EnvNames.RESERVED.contains(key.envName())) {
                throw new IllegalStateException("keys " + key + " and " + clash + " share variable " + key.envName());
            }
        }
    }

    /**
     * Every key.
     *
     * @return unmodifiable, in group order
     */
    public static List<ConfigKey> keys() {
        return List.copyOf(BY_NAME.values());
    }

    /**
     * The group names.
     *
     * @return {@code kafka, topics, window, model, nms, http, metrics, ingest, training, search}
     */
    public static List<String> groups() {
        return List.copyOf(GROUPS.keySet());
    }

    /**
     * The keys of one group.
     *
     * @param group a group name
     * @return its keys, or an empty list for an unknown group
     */
    public static List<ConfigKey> keysOf(final String group) {
        return GROUPS.getOrDefault(group, List.of());
    }

    /**
     * A key by its full name.
     *
     * @param name e.g. {@code http.port}
     * @return the key, or empty
     */
    public static Optional<ConfigKey> byName(final String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * A key by its environment variable.
     *
     * @param envName e.g. {@code EGOSTREAM_HTTP_PORT}
     * @return the key, or empty
     */
    public static Optional<ConfigKey> byEnvName(final String envName) {
        return Optional.ofNullable(BY_ENV.get(envName));
    }

    static List<String> shortNames(final List<ConfigKey> keys) {
        final List<String> names = new ArrayList<>();
        for (final ConfigKey key : keys) {
            names.add(key.shortName());
        }
        return Collections.unmodifiableList(names);
    }
}
