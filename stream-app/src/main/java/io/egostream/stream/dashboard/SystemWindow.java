package io.egostream.stream.dashboard;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one or more analyzer instances did over a recent window (the system panel's raw numbers); windows of
 * several instances add up.
 *
 * @param seconds the window's length
 * @param instances how many instances contributed
 * @param framesIn valid frames accepted in the window
 * @param eventsOut events sent in the window, by task name
 * @param deadLetters records dead-lettered in the window, by reason
 * @param deadLettersTotal records dead-lettered since start, by reason
 * @param batchFrames new frames per model step in the window
 * @param inferenceSeconds model step wall times in the window
 * @param endToEndSeconds frame capture to emission of window events (every task but MQ) in the window
 * @param consumerLagRecords records behind the end of the source topics now
 * @param cameras cameras by status now
 * @param streamThreads stream threads by state now
 * @param sendErrorsTotal records the analyzer failed to send, since start
 */
public record SystemWindow(double seconds, int instances, long framesIn, Map<String, Long> eventsOut,
        Map<String, Long> deadLetters, Map<String, Long> deadLettersTotal, HistogramWindow batchFrames,
        HistogramWindow inferenceSeconds, HistogramWindow endToEndSeconds, long consumerLagRecords,
        Map<String, Long> cameras, Map<String, Long> streamThreads, long sendErrorsTotal) {

    /** Copies the maps, sorted by key. */
    public SystemWindow {
        eventsOut = sorted(eventsOut);
        deadLetters = sorted(deadLetters);
        deadLettersTotal = sorted(deadLettersTotal);
        cameras = sorted(cameras);
        streamThreads = sorted(streamThreads);
    }

    /**
     * Two instances' windows together: counts and histograms add, the window is the longer of the two.
     *
     * @param other another instance's window
     * @return the sum
     */
    public SystemWindow plus(final SystemWindow other) {
        return new SystemWindow(Math.max(seconds, other.seconds), instances + other.instances,
                framesIn + other.framesIn, add(eventsOut, other.eventsOut), add(deadLetters, other.deadLetters),
                add(deadLettersTotal, other.deadLettersTotal), batchFrames.plus(other.batchFrames),
                inferenceSeconds.plus(other.inferenceSeconds), endToEndSeconds.plus(other.endToEndSeconds),
                consumerLagRecords + other.consumerLagRecords, add(cameras, other.cameras),
                add(streamThreads, other.streamThreads), sendErrorsTotal + other.sendErrorsTotal);
    }

    private static Map<String, Long> add(final Map<String, Long> a, final Map<String, Long> b) {
        final Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return sum;
    }

    private static Map<String, Long> sorted(final Map<String, Long> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
