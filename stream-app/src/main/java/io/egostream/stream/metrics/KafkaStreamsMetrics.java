package io.egostream.stream.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The Kafka Streams client's own metrics (its threads, tasks, stores, consumer, producer and admin clients) in
 * the Prometheus registry, read at each scrape: {@code PREFIX_kafka_<group>_<name>} with the Kafka tags as labels
 * ({@code -} and {@code .} become {@code _}). Metrics named {@code *-total} are counters, every other numeric one
 * a gauge; non-numeric and non-finite values are skipped.
 */
public final class KafkaStreamsMetrics implements MultiCollector {

    private static final String[] RESERVED = {"_created", "_bucket", "_count", "_sum", "_info", "_gcount",
        "_gsum"};

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final String prefix;

    /**
     * @param metrics the client's metrics, e.g. {@code kafkaStreams::metrics}
     * @param prefix the EgoStream metric prefix ({@code metrics.prefix})
     */
    public KafkaStreamsMetrics(final Supplier<Map<MetricName, ? extends Metric>> metrics, final String prefix) {
        this.metrics = metrics;
        this.prefix = prefix;
    }

    @Override
    public MetricSnapshots collect() {
        final Map<String, List<Map.Entry<MetricName, Double>>> families = new TreeMap<>();
        final Map<String, String> help = new TreeMap<>();
        for (final Map.Entry<MetricName, ? extends Metric> e : metrics.get().entrySet()) {
            final Object value = e.getValue().metricValue();
            if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                continue;
            }
            final String name = familyName(e.getKey());
            families.computeIfAbsent(name, k -> new ArrayList<>()).add(Map.entry(e.getKey(), n.doubleValue()));
            help.putIfAbsent(name, e.getKey().description() == null || e.getKey().description().isBlank()
                    ? e.getKey().name() : e.getKey().description());
        }
        final MetricSnapshots.Builder out = MetricSnapshots.builder();
        for (final Map.Entry<String, List<Map.Entry<MetricName, Double>>> family : families.entrySet()) {
            final String name = family.getKey();
            final java.util.Set<Labels> seen = new java.util.HashSet<>();
            if (name.endsWith("_total")) {
                final CounterSnapshot.Builder counter = CounterSnapshot.builder()
                        .name(name.substring(0, name.length() - "_total".length())).help(help.get(name));
                for (final Map.Entry<MetricName, Double> point : family.getValue()) {
                    final Labels labels = labels(point.getKey());
                    if (seen.add(labels)) {
                        counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                                .value(Math.max(0, point.getValue())).labels(labels).build());
                    }
                }
                out.metricSnapshot(counter.build());
            } else {
                final GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help.get(name));
                for (final Map.Entry<MetricName, Double> point : family.getValue()) {
                    final Labels labels = labels(point.getKey());
                    if (seen.add(labels)) {
                        gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(point.getValue())
                                .labels(labels).build());
                    }
                }
                out.metricSnapshot(gauge.build());
            }
        }
        return out.build();
    }

    private String familyName(final MetricName metric) {
        String name = sanitize(prefix + "_kafka_" + metric.group().replace("-metrics", "") + "_" + metric.name());
        for (final String suffix : RESERVED) {
            if (name.endsWith(suffix)) {
                name = name + "_value";
            }
        }
        return name;
    }

    private static Labels labels(final MetricName metric) {
        final Labels.Builder labels = Labels.builder();
        for (final Map.Entry<String, String> tag : new TreeMap<>(metric.tags()).entrySet()) {
            labels.label(sanitize(tag.getKey()), tag.getValue() == null ? "" : tag.getValue());
        }
        return labels.build();
    }

    private static String sanitize(final String name) {
        final String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }
}
