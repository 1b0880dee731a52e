package io.egostream.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validated, typed values of every key, in the order of {@link ConfigSchema#keys()}. The group records are
 * built from it.
 */
public final class ConfigValues {

    private final Map<ConfigKey, Object> values;

    /**
     * Wraps typed values.
     *
     * @param values one typed value per key of the schema (Integer, Long, Double, Boolean, String, enum constant or {@code Map<String, String>})
     * @throws IllegalArgumentException when a key of the schema has no value
     */
    ConfigValues(final Map<ConfigKey, Object> values) {
        for (final ConfigKey key : ConfigSchema.keys()) {
            if (values.get(key) == null) {
                throw new IllegalArgumentException("configuration key " + key.name() + " has no value");
            }
        }
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Every value by key.
     *
     * @return an unmodifiable map in schema order
     */
    public Map<ConfigKey, Object> asMap() {
        return values;
    }

    /**
     * The value of a key.
     *
     * @param key the key
     * @return the typed value
     */
    public Object get(final ConfigKey key) {
        return values.get(key);
    }

    int intValue(final ConfigKey key) {
        return (Integer) values.get(key);
    }

    long longValue(final ConfigKey key) {
        return (Long) values.get(key);
    }

    double doubleValue(final ConfigKey key) {
        return (Double) values.get(key);
    }

    boolean booleanValue(final ConfigKey key) {
        return (Boolean) values.get(key);
    }

    String string(final ConfigKey key) {
        return (String) values.get(key);
    }

    <E extends Enum<E>> E enumValue(final ConfigKey key, final Class<E> type) {
        return type.cast(values.get(key));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> map(final ConfigKey key) {
        return (Map<String, String>) values.get(key);
    }
}
