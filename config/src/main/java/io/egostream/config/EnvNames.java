package io.egostream.config;

import java.util.Locale;
import java.util.Set;

/**
 * The environment-variable naming rule: {@code EGOSTREAM_} + the group in upper case + {@code _} + the key
 * in upper case with each {@code -} written as {@code _}. So {@code http.port} is {@code EGOSTREAM_HTTP_PORT}
 * and {@code kafka.bootstrap-servers} is {@code EGOSTREAM_KAFKA_BOOTSTRAP_SERVERS}.
 *
 * <p>The rule is unambiguous: groups are single lower-case words, keys are lower-case kebab-case (so no key
 * holds an underscore), and {@link ConfigSchema} checks at class load that no two keys share a variable.
 * Every other {@code EGOSTREAM_*} variable is an error, except the {@link #RESERVED} ones the launcher reads.
 */
public final class EnvNames {

    /** Prefix of every configuration variable. */
    public static final String PREFIX = "EGOSTREAM_";

    /**
     * Variables with the prefix that are not configuration keys: {@code EGOSTREAM_JAVA_OPTS} (JVM flags for
     * the launcher), {@code EGOSTREAM_CONFIG} (path of the configuration file) and {@code EGOSTREAM_HOME}
     * (installation directory).
     */
    public static final Set<String> RESERVED = Set.of("EGOSTREAM_JAVA_OPTS", "EGOSTREAM_CONFIG", "EGOSTREAM_HOME");

    private EnvNames() {}

    /**
     * The variable that overrides a key.
     *
     * @param key the key
     * @return e.g. {@code EGOSTREAM_HTTP_PORT}
     */
    public static String of(final ConfigKey key) {
        return PREFIX + (key.group() + "_" + key.shortName()).replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
