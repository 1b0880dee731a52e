package io.egostream.stream.dashboard;

import io.egostream.stream.topology.Topics;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Meters the alerts and the system panel need beyond the analyzer's own, read at each scrape from the Kafka
 * Streams client and this instance's dashboard store. Every series exists from the start (zero when nothing is
 * known), so an alert expression always has data to compare:
 *
 * <pre>
 * PREFIX_consumer_lag_records{topic}          records behind the end of each source topic, over this instance's
 *                                             assigned partitions (the main consumers' records-lag)
 * PREFIX_stream_threads{state}                this instance's stream threads by state (CREATED ... RUNNING ... DEAD)
 * PREFIX_streams_client_state{state}          1 for the Kafka Streams client's current state, 0 for the others
 * PREFIX_producer_send_errors_total           records the analyzer's producers failed to send (record-error-total)
 * PREFIX_cameras{status}                      cameras of this instance's tasks by status: active, idle, closed
 * </pre>
 */
public final class OperationsMeters {

    /** Stream thread states as Kafka Streams names them ({@code ThreadMetadata.threadState()}). */
    public static final List<String> THREAD_STATES = List.of("CREATED", "STARTING", "PARTITIONS_REVOKED",
            "PARTITIONS_ASSIGNED", "RUNNING", "PENDING_SHUTDOWN", "DEAD");

    private OperationsMeters() {}

    /**
     * Registers the meters.
     *
     * @param registry the registry {@code /metrics} scrapes
     * @param prefix the name prefix ({@code metrics.prefix})
     * @param streams the Kafka Streams client (null before it exists: everything reads zero)
     * @param topics the topics (the source topics get a lag series each)
     * @param activities this instance's {@code camera-activity} store, or null while it cannot be read
     * @param settings when a camera is idle and closed
     */
    public static void register(final PrometheusRegistry registry, final String prefix,
            final Supplier<KafkaStreams> streams, final Topics topics,
            final Supplier<ReadOnlyKeyValueStore<String, CameraActivity>> activities,
            final DashboardSettings settings) {
        final List<String> sourceTopics = topics.names().subList(0, topics.names().size() - 1);
        GaugeWithCallback.builder().name(prefix + "_consumer_lag_records")
                .help("Records behind the end of each source topic over this instance's assigned partitions")
                .labelNames("topic")
                .callback(cb -> consumerLag(streams.get(), sourceTopics).forEach((t, lag) -> cb.call(lag, t)))
                .register(registry);
        GaugeWithCallback.builder().name(prefix + "_stream_threads")
                .help("This instance's Kafka Streams stream threads by state").labelNames("state")
                .callback(cb -> threadStates(streams.get()).forEach((s, n) -> cb.call(n, s)))
                .register(registry);
        GaugeWithCallback.builder().name(prefix + "_streams_client_state")
                .help("1 for the Kafka Streams client's current state, 0 for the others").labelNames("state")
                .callback(cb -> {
                    final KafkaStreams client = streams.get();
                    for (final KafkaStreams.State s : KafkaStreams.State.values()) {
                        cb.call(client != null && client.state() == s ? 1 : 0, s.name());
                    }
                })
                .register(registry);
        CounterWithCallback.builder().name(prefix + "_producer_send_errors_total")
                .help("Records the analyzer's producers failed to send (Kafka producer record-error-total)")
                .callback(cb -> cb.call(sendErrors(streams.get())))
                .register(registry);
        GaugeWithCallback.builder().name(prefix + "_cameras")
                .help("Cameras of this instance's tasks by status (active, idle, closed)").labelNames("status")
                .callback(cb -> cameras(activities, settings).forEach((s, n) -> cb.call(n, s.apiName())))
                .register(registry);
    }

    static Map<String, Double> consumerLag(final KafkaStreams streams, final List<String> sourceTopics) {
        final Map<String, Double> lag = new LinkedHashMap<>();
        sourceTopics.forEach(t -> lag.put(t, 0.0));
        if (streams == null) {
            return lag;
        }
        for (final Map.Entry<MetricName, ? extends Metric> m : streams.metrics().entrySet()) {
            final MetricName name = m.getKey();
            final String client = name.tags().getOrDefault("client-id", "");
            final String topic = name.tags().get("topic");
            if (!"consumer-fetch-manager-metrics".equals(name.group()) || !"records-lag".equals(name.name())
                    || topic == null || !name.tags().containsKey("partition") || !lag.containsKey(topic)
                    || client.endsWith("restore-consumer") || client.endsWith("global-consumer")) {
                continue;
            }
            if (m.getValue().metricValue() instanceof Number n && Double.isFinite(n.doubleValue())) {
                lag.merge(topic, Math.max(0, n.doubleValue()), Double::sum);
            }
        }
        return lag;
    }

    static Map<String, Integer> threadStates(final KafkaStreams streams) {
        final Map<String, Integer> states = new LinkedHashMap<>();
        THREAD_STATES.forEach(s -> states.put(s, 0));
        if (streams != null) {
            for (final ThreadMetadata thread : streams.metadataForLocalThreads()) {
                states.merge(thread.threadState(), 1, Integer::sum);
            }
        }
        return states;
    }

    static double sendErrors(final KafkaStreams streams) {
        double errors = 0;
        if (streams == null) {
            return errors;
        }
        for (final Map.Entry<MetricName, ? extends Metric> m : streams.metrics().entrySet()) {
            if ("producer-metrics".equals(m.getKey().group()) && "record-error-total".equals(m.getKey().name())
                    && m.getValue().metricValue() instanceof Number n && Double.isFinite(n.doubleValue())) {
                errors += n.doubleValue();
            }
        }
        return errors;
    }

    static Map<CameraStatus, Integer> cameras(final Supplier<ReadOnlyKeyValueStore<String, CameraActivity>> store,
            final DashboardSettings settings) {
        final Map<CameraStatus, Integer> counts = new LinkedHashMap<>();
        for (final CameraStatus s : CameraStatus.values()) {
            counts.put(s, 0);
        }
        final ReadOnlyKeyValueStore<String, CameraActivity> activities = store.get();
        if (activities == null) {
            return counts;
        }
        final long now = System.currentTimeMillis();
        try (KeyValueIterator<String, CameraActivity> all = activities.all()) {
            all.forEachRemaining(kv -> counts.merge(CameraStatus.of(kv.value, now, settings), 1, Integer::sum));
        } catch (InvalidStateStoreException e) {
            counts.replaceAll((s, n) -> 0); // a rebalance moved the store away mid-read; the next scrape counts anew
        }
        return counts;
    }
}
