package io.egostream.config;

import java.util.Map;
import java.util.Objects;

/**
 * Everything the EgoStream apps read, one group per consumer. Load it with {@link ConfigLoader#load}; the
 * shipped defaults are in {@code egostream-defaults.yaml}.
 *
 * @param kafka brokers and Kafka Streams settings
 * @param topics topic names and partitions
 * @param window per-task windows and camera lifetime
 * @param model the model and its batching
 * @param nms moment decoding and windowed NMS
 * @param http the HTTP server
 * @param metrics Prometheus metrics
 * @param ingest the simulated cameras
 * @param training model training
 * @param search natural-language search over the cameras' recent video
 */
public record EgoStreamConfig(
        KafkaConfig kafka,
        TopicsConfig topics,
        WindowConfig window,
        ModelConfig model,
        NmsConfig nms,
        HttpConfig http,
        MetricsConfig metrics,
        IngestConfig ingest,
        TrainingConfig training,
        SearchConfig search) {

    /** Checks every group is present. */
    public EgoStreamConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(nms, "nms");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(search, "search");
    }

    /**
     * The shipped defaults, with no file and no environment overrides.
     *
     * @return the default configuration
     */
    public static EgoStreamConfig defaults() {
        return ConfigLoader.load(null, Map.of());
    }

    /**
     * Builds the groups from validated values.
     *
     * @param values one typed value per key
     * @return the configuration
     * @throws ConfigException when values of several keys do not fit together (e.g. a hop longer than its window)
     */
    public static EgoStreamConfig from(final ConfigValues values) {
        return new EgoStreamConfig(KafkaConfig.from(values), TopicsConfig.from(values), WindowConfig.from(values),
                ModelConfig.from(values), NmsConfig.from(values), HttpConfig.from(values),
                MetricsConfig.from(values), IngestConfig.from(values), TrainingConfig.from(values),
                SearchConfig.from(values));
    }
}
