package io.egostream.stream.dashboard;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.FutureAction;
import io.egostream.model.domain.LabelScore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One-line texts of events, as the camera list shows them. */
public final class EventSummaries {

    private EventSummaries() {}

    /**
     * The status as the API writes it.
     *
     * @param event the event
     * @return {@code provisional} or {@code final}
     */
    public static String status(final AnalyzerEvent event) {
        return event.status().name().toLowerCase(Locale.ROOT);
    }

    /**
     * What the event says, in a few words:
     *
     * <pre>
     * AR    take / cup (0.42)         best verb / best noun (the lower of their scores)
     * OSCC  state change yes (0.91)   the state_change label and its probability
     * PNR   keyframe 12.3 s (0.55)    the keyframe time from the session start and its score
     * LTA   next: wash plate, ...     the first three anticipated actions
     * MQ    use_phone 10.1-14.6 s (0.37)
     * </pre>
     *
     * @param event the event
     * @return the summary
     */
    public static String summary(final AnalyzerEvent event) {
        return switch (event.task()) {
            case AR -> {
                final Optional<LabelScore> verb = best(event.labels(), "verb");
                final Optional<LabelScore> noun = best(event.labels(), "noun");
                yield verb.map(LabelScore::label).orElse("?") + " / " + noun.map(LabelScore::label).orElse("?")
                        + " (" + score(Math.min(verb.map(LabelScore::score).orElse(0.0),
                                noun.map(LabelScore::score).orElse(0.0))) + ")";
            }
            case OSCC -> event.labels().isEmpty() ? "state change ?"
                    : "state change " + event.labels().get(0).label() + " (" + score(event.labels().get(0).score())
                            + ")";
            case PNR -> "keyframe " + seconds(event.keyframe().timeSeconds()) + " s ("
                    + score(event.keyframe().score()) + ")";
            case LTA -> "next: " + next(event.future());
            case MQ -> (event.labels().isEmpty() ? "moment" : event.labels().get(0).label()) + " "
                    + seconds(event.time().startSeconds()) + "-" + seconds(event.time().endSeconds()) + " s ("
                    + score(event.labels().isEmpty() ? 0.0 : event.labels().get(0).score()) + ")";
        };
    }

    private static Optional<LabelScore> best(final List<LabelScore> labels, final String head) {
        return labels.stream().filter(l -> l.head().equals(head)).findFirst();
    }

    private static String next(final List<FutureAction> future) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(3, future.size()); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(future.get(i).verb().label()).append(' ').append(future.get(i).noun().label());
        }
        return future.size() > 3 ? text.append(", ...").toString() : text.toString();
    }

    private static String score(final double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    private static String seconds(final double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
