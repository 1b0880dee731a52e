package io.egostream.stream.dashboard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The system panel ({@code GET /api/system}): rates per second over the recent window, latency quantiles as
 * Prometheus' {@code histogram_quantile} estimates them, current gauges. Quantiles are null when the window holds
 * no observation.
 *
 * @param instances analyzer instances that answered
 * @param unreachable instances that did not answer ({@code host:port})
 * @param windowSeconds length of the window the rates and quantiles cover
 * @param framesInPerSecond valid frames accepted per second
 * @param eventsOutPerSecond events sent per second, by task
 * @param batchFrames new frames per model step
 * @param inferenceLatencySeconds wall time of a model step
 * @param endToEndLatencySeconds frame capture to event emission
 * @param deadLettersPerSecond dead-lettered records per second, by reason
 * @param deadLettersTotal dead-lettered records since start, by reason
 * @param consumerLagRecords records behind the end of the source topics
 * @param cameras cameras by status
 * @param streamThreads stream threads by state
 * @param sendErrorsTotal records the analyzer failed to send, since start
 */
public record SystemView(int instances, List<String> unreachable, double windowSeconds, double framesInPerSecond,
        Map<String, Double> eventsOutPerSecond, Quantiles batchFrames, Quantiles inferenceLatencySeconds,
        Quantiles endToEndLatencySeconds, Map<String, Double> deadLettersPerSecond, Map<String, Long> deadLettersTotal,
        long consumerLagRecords, Map<String, Long> cameras, Map<String, Long> streamThreads, long sendErrorsTotal) {

    /**
     * Mean, median and 99th percentile of a histogram window.
     *
     * @param mean the mean, or null
     * @param p50 the median, or null
     * @param p99 the 99th percentile, or null
     */
    public record Quantiles(Double mean, Double p50, Double p99) {

        static Quantiles of(final HistogramWindow h) {
            return new Quantiles(orNull(h.mean()), orNull(h.quantile(0.5)), orNull(h.quantile(0.99)));
        }

        private static Double orNull(final double v) {
            return Double.isFinite(v) ? v : null;
        }
    }

    /**
     * The view of a window.
     *
     * @param w the window (of one or every instance)
     * @param unreachable instances whose window is missing
     * @return the view
     */
    public static SystemView of(final SystemWindow w, final List<String> unreachable) {
        return new SystemView(w.instances(), List.copyOf(unreachable), w.seconds(), perSecond(w.framesIn(), w),
                perSecond(w.eventsOut(), w), Quantiles.of(w.batchFrames()), Quantiles.of(w.inferenceSeconds()),
                Quantiles.of(w.endToEndSeconds()), perSecond(w.deadLetters(), w), w.deadLettersTotal(),
                w.consumerLagRecords(), w.cameras(), w.streamThreads(), w.sendErrorsTotal());
    }

    private static double perSecond(final long count, final SystemWindow w) {
        return w.seconds() <= 0 ? 0.0 : count / w.seconds();
    }

    private static Map<String, Double> perSecond(final Map<String, Long> counts, final SystemWindow w) {
        final Map<String, Double> rates = new TreeMap<>();
        counts.forEach((k, v) -> rates.put(k, perSecond(v, w)));
        return rates;
    }
}
