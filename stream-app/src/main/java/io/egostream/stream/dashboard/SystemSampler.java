package io.egostream.stream.dashboard;

import io.egostream.model.domain.Task;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBucket;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Samples this instance's meters (the analyzer's and {@link OperationsMeters}) once per call, keeps the last
 * {@code windowSamples + 1} samples, and gives what happened between the oldest and the newest as a
 * {@link SystemWindow}. Call {@link #sample} about once a second; the window then covers about
 * {@code windowSamples} seconds.
 *
 * <p>End-to-end latency is that of window events (AR, OSCC, PNR, LTA; {@code task!="MQ"}): moments are emitted
 * when windowed NMS settles them, minutes after their end by design.
 *
 * <p>The meter names it reads are {@link #METERS} (after the prefix); a test scrapes the analyzer's own meters
 * through this class, so a renamed meter fails the build.
 */
public final class SystemSampler {

    /** The meters read, by their snapshot names after the prefix (counters without {@code _total}). */
    public static final List<String> METERS = List.of("_frames_in", "_frames_dlq", "_events_out",
            "_inference_batch_frames", "_inference_latency_seconds", "_event_latency_seconds",
            "_consumer_lag_records", "_cameras", "_stream_threads", "_producer_send_errors");

    private final PrometheusRegistry registry;
    private final String prefix;
    private final Map<String, Task> taskByTopic;
    private final int windowSamples;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /**
     * @param registry the registry to read
     * @param prefix the meters' name prefix ({@code metrics.prefix})
     * @param taskByTopic the task of each event topic (events are counted by topic)
     * @param windowSamples samples per window, &gt;= 1
     */
    public SystemSampler(final PrometheusRegistry registry, final String prefix, final Map<String, Task> taskByTopic,
            final int windowSamples) {
        if (windowSamples < 1) {
            throw new IllegalArgumentException("a window needs >= 1 sample interval, got " + windowSamples);
        }
        this.registry = registry;
        this.prefix = prefix;
        this.taskByTopic = Map.copyOf(taskByTopic);
        this.windowSamples = windowSamples;
    }

    /**
     * Takes a sample.
     *
     * @param nowMs the wall clock, ms since the Unix epoch
     */
    public synchronized void sample(final long nowMs) {
        final Map<String, MetricSnapshot> byName = new HashMap<>();
        for (final MetricSnapshot s : registry.scrape(name -> name.startsWith(prefix + "_"))) {
            byName.put(s.getMetadata().getName(), s);
        }
        final Map<String, Long> events = new TreeMap<>();
        for (final Task task : Task.values()) {
            events.put(task.name(), 0L);
        }
        counter(byName, "_events_out", "topic").forEach((topic, n) -> {
            final Task task = taskByTopic.get(topic);
            if (task != null) {
                events.merge(task.name(), n, Long::sum);
            }
        });
        samples.addLast(new Sample(nowMs, sum(counter(byName, "_frames_in", null)), events,
                counter(byName, "_frames_dlq", "reason"), histogram(byName, "_inference_batch_frames", all -> true),
                histogram(byName, "_inference_latency_seconds", all -> true),
                histogram(byName, "_event_latency_seconds", l -> !Task.MQ.name().equals(l.get("task"))),
                sum(gauge(byName, "_consumer_lag_records", "topic")), gauge(byName, "_cameras", "status"),
                gauge(byName, "_stream_threads", "state"), sum(counter(byName, "_producer_send_errors", null))));
        while (samples.size() > windowSamples + 1) {
            samples.removeFirst();
        }
    }

    /**
     * What happened between the oldest and the newest sample; rates are 0 and histograms empty with fewer than two.
     *
     * @return the window of this instance
     */
    public synchronized SystemWindow window() {
        if (samples.isEmpty()) {
            final Map<String, Long> none = Map.of();
            return new SystemWindow(0, 1, 0, none, none, none, HistogramWindow.empty(), HistogramWindow.empty(),
                    HistogramWindow.empty(), 0, none, none, 0);
        }
        final Sample last = samples.getLast();
        final Sample first = samples.size() == 1 ? last : samples.getFirst();
        final Map<String, Long> events = new TreeMap<>();
        last.eventsOut.forEach((k, v) -> events.put(k, Math.max(0, v - first.eventsOut.getOrDefault(k, 0L))));
        final Map<String, Long> dlq = new TreeMap<>();
        last.deadLetters.forEach((k, v) -> dlq.put(k, Math.max(0, v - first.deadLetters.getOrDefault(k, 0L))));
        return new SystemWindow((last.atMs - first.atMs) / 1000.0, 1, Math.max(0, last.framesIn - first.framesIn),
                events, dlq, last.deadLetters, last.batch.minus(first.batch), last.inference.minus(first.inference),
                last.endToEnd.minus(first.endToEnd), last.lag, last.cameras, last.threads, last.sendErrors);
    }

    private Map<String, Long> counter(final Map<String, MetricSnapshot> byName, final String name,
            final String label) {
        final Map<String, Long> values = new TreeMap<>();
        if (byName.get(prefix + name) instanceof CounterSnapshot counter) {
            for (final CounterSnapshot.CounterDataPointSnapshot p : counter.getDataPoints()) {
                values.merge(key(p, label), Math.round(p.getValue()), Long::sum);
            }
        }
        return values;
    }

    private Map<String, Long> gauge(final Map<String, MetricSnapshot> byName, final String name,
            final String label) {
        final Map<String, Long> values = new TreeMap<>();
        if (byName.get(prefix + name) instanceof GaugeSnapshot gauge) {
            for (final GaugeSnapshot.GaugeDataPointSnapshot p : gauge.getDataPoints()) {
                if (Double.isFinite(p.getValue())) {
                    values.merge(key(p, label), Math.round(p.getValue()), Long::sum);
                }
            }
        }
        return values;
    }

    private HistogramWindow histogram(final Map<String, MetricSnapshot> byName, final String name,
            final Predicate<Labels> accept) {
        if (!(byName.get(prefix + name) instanceof HistogramSnapshot histogram)) {
            return HistogramWindow.empty();
        }
        HistogramWindow total = HistogramWindow.empty();
        for (final HistogramSnapshot.HistogramDataPointSnapshot p : histogram.getDataPoints()) {
            if (!accept.test(p.getLabels())) {
                continue;
            }
            final List<Double> bounds = new ArrayList<>();
            final List<Long> counts = new ArrayList<>();
            long aboveAll = 0;
            for (final ClassicHistogramBucket b : p.getClassicBuckets()) {
                if (Double.isInfinite(b.getUpperBound())) {
                    aboveAll += b.getCount();
                } else {
                    bounds.add(b.getUpperBound());
                    counts.add(b.getCount());
                }
            }
            counts.add(aboveAll);
            total = total.plus(new HistogramWindow(bounds, counts, p.hasSum() ? p.getSum() : 0.0,
                    counts.stream().mapToLong(Long::longValue).sum()));
        }
        return total;
    }

    private static String key(final DataPointSnapshot p, final String label) {
        return label == null ? "" : String.valueOf(p.getLabels().get(label));
    }

    private static long sum(final Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }

    private record Sample(long atMs, long framesIn, Map<String, Long> eventsOut, Map<String, Long> deadLetters,
            HistogramWindow batch, HistogramWindow inference, HistogramWindow endToEnd, long lag,
            Map<String, Long> cameras, Map<String, Long> threads, long sendErrors) {}
}
