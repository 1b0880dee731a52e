package io.egostream.stream.serde;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.FutureAction;
import io.egostream.model.domain.Keyframe;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.domain.Task;
import io.egostream.model.domain.TimeRange;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shape of an {@link AnalyzerEvent} (README section "Topics and event schemas"): the event's fields
 * by name, all always present, {@code status} in lower case ({@code provisional} or {@code final});
 * {@code future} is an empty list except on LTA events and {@code keyframe} is null except on PNR events.
 *
 * @param cameraId camera id
 * @param sessionId camera session
 * @param task {@code AR}, {@code OSCC}, {@code PNR}, {@code LTA} or {@code MQ}
 * @param status {@code provisional} or {@code final}
 * @param frames first and last frame index
 * @param time start and end, in seconds from the session start and as capture time in ms
 * @param labels classes with scores
 * @param future LTA's anticipated actions, else empty
 * @param keyframe PNR's keyframe, else null
 * @param model model id and version
 * @param emittedAtMs when the event was emitted, ms since the Unix epoch
 */
@JsonPropertyOrder({"cameraId", "sessionId", "task", "status", "frames", "time", "labels", "future", "keyframe",
    "model", "emittedAtMs"})
record AnalyzerEventJson(
        String cameraId,
        long sessionId,
        Task task,
        String status,
        FrameRange frames,
        TimeRange time,
        List<LabelScore> labels,
        List<FutureAction> future,
        Keyframe keyframe,
        ModelRef model,
        long emittedAtMs) {

    static AnalyzerEventJson of(final AnalyzerEvent event) {
        return new AnalyzerEventJson(event.cameraId(), event.sessionId(), event.task(),
                event.status().name().toLowerCase(Locale.ROOT), event.frames(), event.time(), event.labels(),
                event.future(), event.keyframe(), event.model(),
                event.emittedAtMs());
    }

    AnalyzerEvent toEvent() {
        if (status == null || !List.of("provisional", "final").contains(status)) {
            throw new IllegalArgumentException("status must be \"provisional\" or \"final\", got " + status);
        }
        return new AnalyzerEvent(cameraId, sessionId, task, EventStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                frames, time, labels, future, keyframe,
                model, emittedAtMs);
    }
}
