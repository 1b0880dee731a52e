package io.egostream.stream.dashboard;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.Task;
import java.util.Objects;

/**
 * The newest event of a camera, as the camera list shows it.
 *
 * @param task the event's task
 * @param status {@code provisional} or {@code final}
 * @param summary one line, e.g. {@code take / cup (0.42)}
 * @param endSeconds end of the event's span, seconds from the session start
 * @param emittedAtMs when the analyzer emitted it, ms since the Unix epoch
 */
public record LastEvent(Task task, String status, String summary, double endSeconds, long emittedAtMs) {

    /** Checks every field is present. */
    public LastEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * The summary of an event.
     *
     * @param event the event
     * @return its summary
     */
    public static LastEvent of(final AnalyzerEvent event) {
        return new LastEvent(event.task(), EventSummaries.status(event), EventSummaries.summary(event),
                event.time().endSeconds(), event.emittedAtMs());
    }
}
