package io.egostream.config;

import java.util.List;

/**
 * Group {@code metrics}: the Prometheus metrics the analyzer exposes on {@code /metrics}.
 *
 * @param enabled whether {@code /metrics} serves metrics
 * @param prefix prefix of every metric name EgoStream defines
 */
public record MetricsConfig(boolean enabled, String prefix) {

    /** {@code metrics.enabled}. */
    public static final ConfigKey ENABLED = ConfigKey.ofBoolean("metrics.enabled",
            "Whether the HTTP server serves Prometheus metrics on /metrics.");
    /** {@code metrics.prefix}. */
    public static final ConfigKey PREFIX = ConfigKey.ofString("metrics.prefix", "[a-zA-Z_][a-zA-Z0-9_]{0,63}",
            "a Prometheus name: a-z A-Z _ then up to 63 of a-z A-Z 0-9 _",
            "Prefix of every EgoStream metric name, e.g. egostream_frames_in_total.");

    /** Validates both fields. */
    public MetricsConfig {
        ENABLED.require(enabled);
        PREFIX.require(prefix);
    }

    static List<ConfigKey> keys() {
        return List.of(ENABLED, PREFIX);
    }

    static MetricsConfig from(final ConfigValues v) {
        return new MetricsConfig(v.booleanValue(ENABLED), v.string(PREFIX));
    }
}
