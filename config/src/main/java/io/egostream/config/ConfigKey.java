package io.egostream.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key: its full name ({@code group.key}), type, allowed values and documentation. A key
 * checks typed values and words the sentence naming the key, the value and what is allowed;
 * {@link ConfigValueReader} turns YAML nodes and environment text into typed values. The group records hold
 * their keys as constants ({@link HttpConfig#PORT}, ...).
 */
public final class ConfigKey {

    private static final Pattern NAME = Pattern.compile("[a-z]+\\.[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String name;
    private final ConfigType type;
    private final String doc;
    private final double min;
    private final boolean minInclusive;
    private final double max;
    private final List<String> enumValues;
    private final Class<? extends Enum<?>> enumClass;
    private final Pattern pattern;
    private final String patternHelp;

    private ConfigKey(final Builder b) {
        if (!NAME.matcher(b.name).matches()) {
            throw new IllegalArgumentException("config key '" + b.name
                    + "' must be group.key: a lower-case group, a dot, a lower-case kebab-case key");
        }
        if (b.doc == null || b.doc.isBlank()) {
            throw new IllegalArgumentException("config key '" + b.name + "' needs a doc sentence");
        }
        this.name = b.name;
        this.type = b.type;
        this.doc = b.doc;
        this.min = b.min;
        this.minInclusive = b.minInclusive;
        this.max = b.max;
        this.enumValues = b.enumValues;
        this.enumClass = b.enumClass;
        this.pattern = b.pattern;
        this.patternHelp = b.patternHelp;
    }

    /**
     * An integer key with an inclusive range.
     *
     * @param name full key name
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param doc one sentence saying what the key does, with its unit
     * @return the key
     */
    public static ConfigKey ofInt(final String name, final int min, final int max, final String doc) {
        return new Builder(name, ConfigType.INT, doc).range(min, true, max).build();
    }

    /**
     * A 64-bit integer key with an inclusive range.
     *
     * @param name full key name
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param doc one sentence saying what the key does, with its unit
     * @return the key
     */
    public static ConfigKey ofLong(final String name, final long min, final long max, final String doc) {
        return new Builder(name, ConfigType.LONG, doc).range(min, true, max).build();
    }

    /**
     * A number key with an inclusive range.
     *
     * @param name full key name
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param doc one sentence saying what the key does, with its unit
     * @return the key
     */
    public static ConfigKey ofDouble(final String name, final double min, final double max, final String doc) {
        return new Builder(name, ConfigType.DOUBLE, doc).range(min, true, max).build();
    }

    /**
     * A number key that must be above {@code exclusiveMin} and at most {@code max}.
     *
     * @param name full key name
     * @param exclusiveMin the value must be greater than this
     * @param max largest allowed value
     * @param doc one sentence saying what the key does, with its unit
     * @return the key
     */
    public static ConfigKey ofPositiveDouble(final String name, final double exclusiveMin, final double max,
            final String doc) {
        return new Builder(name, ConfigType.DOUBLE, doc).range(exclusiveMin, false, max).build();
    }

    /**
     * A boolean key.
     *
     * @param name full key name
     * @param doc one sentence saying what the key does
     * @return the key
     */
    public static ConfigKey ofBoolean(final String name, final String doc) {
        return new Builder(name, ConfigType.BOOLEAN, doc).build();
    }

    /**
     * A string key whose value must match a pattern.
     *
     * @param name full key name
     * @param regex the whole value must match it
     * @param help what the pattern means, in words, e.g. {@code "a Kafka topic name"}
     * @param doc one sentence saying what the key does
     * @return the key
     */
    public static ConfigKey ofString(final String name, final String regex, final String help, final String doc) {
        final Builder b = new Builder(name, ConfigType.STRING, doc);
        b.pattern = Pattern.compile(regex);
        b.patternHelp = help;
        return b.build();
    }

    /**
     * An enum key; the allowed values are the constants' names in lower case.
     *
     * @param name full key name
     * @param enumClass the enum
     * @param doc one sentence saying what the key does
     * @return the key
     */
    public static ConfigKey ofEnum(final String name, final Class<? extends Enum<?>> enumClass, final String doc) {
        final Builder b = new Builder(name, ConfigType.ENUM, doc);
        b.enumClass = enumClass;
        final List<String> values = new ArrayList<>();
        for (final Enum<?> constant : enumClass.getEnumConstants()) {
            values.add(constant.name().toLowerCase(Locale.ROOT));
        }
        b.enumValues = List.copyOf(values);
        return b.build();
    }

    /**
     * A string key whose value must be one of a fixed list of names (its typed value is the String).
     *
     * @param name full key name
     * @param choices the allowed values
     * @param doc one sentence saying what the key does
     * @return the key
     */
    public static ConfigKey ofChoice(final String name, final List<String> choices, final String doc) {
        final Builder b = new Builder(name, ConfigType.ENUM, doc);
        b.enumValues = List.copyOf(choices);
        return b.build();
    }

    /**
     * A map key: string keys to scalar values, kept as strings.
     *
     * @param name full key name
     * @param doc one sentence saying what the key does
     * @return the key
     */
    public static ConfigKey ofMap(final String name, final String doc) {
        return new Builder(name, ConfigType.MAP, doc).build();
    }

    /**
     * The full name.
     *
     * @return {@code group.key}, e.g. {@code http.port}
     */
    public String name() {
        return name;
    }

    /**
     * The group (the part before the dot).
     *
     * @return e.g. {@code http}
     */
    public String group() {
        return name.substring(0, name.indexOf('.'));
    }

    /**
     * The key inside its group (the part after the dot).
     *
     * @return e.g. {@code port}
     */
    public String shortName() {
        return name.substring(name.indexOf('.') + 1);
    }

    /**
     * The environment variable that overrides this key (see {@link EnvNames}).
     *
     * @return e.g. {@code EGOSTREAM_HTTP_PORT}
     */
    public String envName() {
        return EnvNames.of(this);
    }

    /**
     * The value type.
     *
     * @return the type
     */
    public ConfigType type() {
        return type;
    }

    /**
     * What the key does.
     *
     * @return one or two sentences, with units
     */
    public String doc() {
        return doc;
    }

    /**
     * The allowed enum values, in declaration order.
     *
     * @return lower-case names; empty for other types
     */
    public List<String> enumValues() {
        return enumValues;
    }

    /**
     * What values are allowed, in words.
     *
     * @return e.g. {@code an integer in [0, 65535]} or {@code one of: cpu, gpu, auto}
     */
    public String allowed() {
        switch (type) {
            case INT:
            case LONG:
                return "an integer in [" + (long) min + ", " + (long) max + "]";
            case DOUBLE:
                return "a number in " + (minInclusive ? "[" : "(") + num(min) + ", " + num(max) + "]";
            case BOOLEAN:
                return "true or false";
            case ENUM:
                return "one of: " + String.join(", ", enumValues);
            case MAP:
                return "a mapping of string keys to scalar values";
            default:
                return "a string: " + patternHelp;
        }
    }

    /**
     * Checks a typed value against the key's range, enum or pattern; used by the group records.
     *
     * @param value the typed value
     * @param <T> the value's type
     * @return the same value
     * @throws ConfigException naming the key, the value and what is allowed
     */
    public <T> T require(final T value) {
        final Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new ConfigException(name, "Invalid value for " + name + ": " + problem.get()
                    + ". Allowed: " + allowed() + ".");
        }
        return value;
    }

    /**
     * Says what is wrong with a typed value, if anything.
     *
     * @param value the typed value
     * @return the value as the message shows it when it is not allowed, else empty
     */
    Optional<String> problem(final Object value) {
        if (value == null) {
            return Optional.of("null");
        }
        switch (type) {
            case INT:
            case LONG:
            case DOUBLE:
                final double v = ((Number) value).doubleValue();
                final boolean ok = Double.isFinite(v) && (minInclusive ? v >= min : v > min) && v <= max;
                return ok ? Optional.empty() : Optional.of(String.valueOf(value));
            case STRING:
                return pattern.matcher((String) value).matches() ? Optional.empty()
                        : Optional.of("'" + value + "'");
            case ENUM:
                final boolean allowed = enumClass == null ? enumValues.contains(value) : enumClass.isInstance(value);
                return allowed ? Optional.empty() : Optional.of("'" + value + "'");
            default:
                return Optional.empty();
        }
    }

    /**
     * The typed value of a string or enum key written as text.
     *
     * @param text the text
     * @return the text itself for a string key; the constant (or choice) for an enum key, null when none matches
     */
    Object fromString(final String text) {
        if (type != ConfigType.ENUM) {
            return text;
        }
        final int index = enumValues.indexOf(text.trim());
        if (index < 0) {
            return null;
        }
        return enumClass == null ? enumValues.get(index) : enumClass.getEnumConstants()[index];
    }

    /**
     * The exception for a value that is not allowed.
     *
     * @param shown the value as the message shows it
     * @param source where it came from
     * @return the exception, naming key, value, source and what is allowed
     */
    ConfigException invalid(final String shown, final String source) {
        return new ConfigException(name, "Invalid value for " + name + ": " + shown + " (from " + source
                + "). Allowed: " + allowed() + ".");
    }

    /**
     * Shows a typed value the way the YAML file and the key table write it.
     *
     * @param value a value of this key's type
     * @return e.g. {@code 8080}, {@code exactly_once_v2}, {@code ""} or {@code {}}
     */
    public String display(final Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof String text) {
            return text.isEmpty() ? "\"\"" : text;
        }
        if (value instanceof Double d) {
            return num(d);
        }
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return "{}";
        }
        return String.valueOf(value);
    }

    private static String num(final double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ConfigKey that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    private static final class Builder {
        private final String name;
        private final ConfigType type;
        private final String doc;
        private double min = Double.NEGATIVE_INFINITY;
        private boolean minInclusive = true;
        private double max = Double.POSITIVE_INFINITY;
        private List<String> enumValues = List.of();
        private Class<? extends Enum<?>> enumClass;
        private Pattern pattern;
        private String patternHelp;

        Builder(final String name, final ConfigType type, final String doc) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = type;
            this.doc = doc;
        }

        Builder range(final double lo, final boolean loInclusive, final double hi) {
            if (!(lo < hi)) {
                throw new IllegalArgumentException("config key '" + name + "' range [" + lo + ", " + hi
                        + "] is empty");
            }
            this.min = lo;
            this.minInclusive = loInclusive;
            this.max = hi;
            return this;
        }

        ConfigKey build() {
            return new ConfigKey(this);
        }
    }
}
