package io.egostream.stream.metrics;

import io.egostream.model.codec.RejectReason;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.Task;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The analyzer's meters, registered in one Prometheus registry, names prefixed with {@code metrics.prefix}
 * (default {@code egostream}):
 *
 * <pre>
 * PREFIX_frames_in_total                     valid frames accepted from the frames topic
 * PREFIX_frames_dlq_total{reason}            refused records sent to the dead-letter topic, by RejectReason
 * PREFIX_frames_gap_filled_total             missing frames filled by repeating the previous frame
 * PREFIX_events_out_total{topic}             events sent, by output topic
 * PREFIX_cameras_closed_total{cause}         camera sessions closed: end_of_stream, idle, new_session, restart
 * PREFIX_active_cameras                      camera sessions with state in this instance
 * PREFIX_inference_batch_frames              new frames per model step (histogram)
 * PREFIX_inference_latency_seconds           wall time of one model step (histogram)
 * PREFIX_event_latency_seconds{task,status}  frame capture to event emit, of each event's last frame (histogram)
 * </pre>
 */
public final class AnalyzerMetrics {

    private final PrometheusRegistry registry;
    private final Counter framesIn;
    private final Counter framesDlq;
    private final Counter gapFilled;
    private final Counter eventsOut;
    private final Counter camerasClosed;
    private final Gauge activeCameras;
    private final Histogram batchFrames;
    private final Histogram inferenceLatency;
    private final Histogram eventLatency;

    /**
     * Creates and registers every meter.
     *
     * @param registry the registry {@code /metrics} scrapes
     * @param prefix the name prefix, e.g. {@code egostream}
     */
    public AnalyzerMetrics(final PrometheusRegistry registry, final String prefix) {
        this.registry = registry;
        this.framesIn = Counter.builder().name(prefix + "_frames_in_total")
                .help("Valid feature frames accepted from the frames topic").register(registry);
        this.framesDlq = Counter.builder().name(prefix + "_frames_dlq_total")
                .help("Refused frame records sent to the dead-letter topic, by reason").labelNames("reason")
                .register(registry);
        for (final RejectReason reason : RejectReason.values()) {
            framesDlq.labelValues(reason.name());
        }
        this.gapFilled = Counter.builder().name(prefix + "_frames_gap_filled_total")
                .help("Missing frame indices filled by repeating the previous frame").register(registry);
        this.eventsOut = Counter.builder().name(prefix + "_events_out_total")
                .help("Events sent, by output topic").labelNames("topic").register(registry);
        this.camerasClosed = Counter.builder().name(prefix + "_cameras_closed_total")
                .help("Camera sessions closed, by cause").labelNames("cause").register(registry);
        this.activeCameras = Gauge.builder().name(prefix + "_active_cameras")
                .help("Camera sessions with state in this instance").register(registry);
        this.batchFrames = Histogram.builder().name(prefix + "_inference_batch_frames")
                .help("New frames per model step").classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256)
                .register(registry);
        this.inferenceLatency = Histogram.builder().name(prefix + "_inference_latency_seconds")
                .help("Wall time of one model step").classicExponentialUpperBounds(0.005, 2, 14).register(registry);
        this.eventLatency = Histogram.builder().name(prefix + "_event_latency_seconds")
                .help("Capture of an event's last frame to the event's emission, by task and status")
                .labelNames("task", "status").classicExponentialUpperBounds(0.01, 2, 14).register(registry);
        for (final Task task : Task.values()) {
            for (final EventStatus status : EventStatus.values()) {
                eventLatency.labelValues(task.name(), status.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Meters in a new registry (tests, tools).
     *
     * @param prefix the name prefix
     * @return the meters
     */
    public static AnalyzerMetrics withNewRegistry(final String prefix) {
        return new AnalyzerMetrics(new PrometheusRegistry(), prefix);
    }

    /** One valid frame accepted. */
    public void frameIn() {
        framesIn.inc();
    }

    /**
     * One record sent to the dead-letter topic.
     *
     * @param reason why it was refused
     */
    public void frameDeadLettered(final RejectReason reason) {
        framesDlq.labelValues(reason.name()).inc();
    }

    /**
     * Frames filled in a gap.
     *
     * @param count how many
     */
    public void gapFilled(final long count) {
        gapFilled.inc(count);
    }

    /**
     * One event sent.
     *
     * @param topic its topic
     */
    public void eventOut(final String topic) {
        eventsOut.labelValues(topic).inc();
    }

    /**
     * One camera session closed.
     *
     * @param cause end_of_stream, idle, new_session or restart
     */
    public void cameraClosed(final String cause) {
        camerasClosed.labelValues(cause).inc();
    }

    /**
     * Camera sessions gained or lost.
     *
     * @param delta +1 or -1 (or more)
     */
    public void activeCameras(final int delta) {
        activeCameras.inc(delta);
    }

    /**
     * One model step.
     *
     * @param frames new frames in it
     * @param seconds its wall time
     */
    public void inferenceStep(final long frames, final double seconds) {
        batchFrames.observe(frames);
        inferenceLatency.observe(seconds);
    }

    /**
     * Frame capture to event emission.
     *
     * @param task the event's task
     * @param status the event's status
     * @param seconds the latency (negative values, from clock skew, count as 0)
     */
    public void eventLatency(final Task task, final EventStatus status, final double seconds) {
        eventLatency.labelValues(task.name(), status.name().toLowerCase(Locale.ROOT)).observe(Math.max(0.0, seconds));
    }

    /**
     * Valid frames accepted so far.
     *
     * @return the counter value
     */
    public long framesInCount() {
        return (long) framesIn.get();
    }

    /**
     * Dead-lettered records so far, over every reason.
     *
     * @return the sum of the counter
     */
    public long framesDlqCount() {
        long sum = 0;
        for (final RejectReason reason : RejectReason.values()) {
            sum += (long) framesDlq.labelValues(reason.name()).get();
        }
        return sum;
    }

    /**
     * Events sent to one topic so far.
     *
     * @param topic the topic
     * @return the counter value
     */
    public long eventsOutCount(final String topic) {
        return (long) eventsOut.labelValues(topic).get();
    }

    /**
     * The registry (also holds any other meters registered into it, e.g. JVM or Kafka metrics).
     *
     * @return the registry
     */
    public PrometheusRegistry registry() {
        return registry;
    }

    /**
     * Everything in the registry in the Prometheus text format (version 0.0.4).
     *
     * @return the exposition text
     */
    public String scrape() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
