package io.egostream.cli.run;

import io.egostream.model.domain.Task;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
import java.util.Locale;

/**
 * The one-line status {@code egostream demo} prints every second, e.g.
 * {@code [  12 s] frames in 88 | events: actions 12, state-changes 12, pnr 10, anticipations 5, moments 0 | dlq 0 | sent 90, 0 failed}.
 */
final class LiveSummary {

    private final AnalyzerMetrics metrics;
    private final Topics topics;

    LiveSummary(final AnalyzerMetrics metrics, final Topics topics) {
        this.metrics = metrics;
        this.topics = topics;
    }

    /**
     * The line.
     *
     * @param elapsedSeconds seconds since the start
     * @param sent records the cameras sent so far
     * @param failed records whose send failed
     * @return the status line
     */
    String line(final long elapsedSeconds, final long sent, final long failed) {
        final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%4d s] frames in %d | events: ",
                elapsedSeconds, metrics.framesInCount()));
        String separator = "";
        for (final Task task : Task.values()) {
            final String topic = topics.events(task).name();
            line.append(separator).append(shortName(topic)).append(' ').append(metrics.eventsOutCount(topic));
            separator = ", ";
        }
        line.append(" | dlq ").append(metrics.framesDlqCount());
        line.append(" | sent ").append(sent).append(", ").append(failed).append(" failed");
        return line.toString();
    }

    /**
     * The analyzer's totals, e.g. {@code 279 frames in, 191 events out, 0 dead letters}.
     *
     * @return the totals
     */
    String analyzerTotals() {
        long events = 0;
        for (final Task task : Task.values()) {
            events += metrics.eventsOutCount(topics.events(task).name());
        }
        return metrics.framesInCount() + " frames in, " + events + " events out, " + metrics.framesDlqCount()
                + " dead letters";
    }

    private static String shortName(final String topic) {
        return topic.startsWith("egostream.") ? topic.substring("egostream.".length()) : topic;
    }
}
