package io.egostream.training.videotext;

import io.egostream.model.synth.ActionSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary text of a long window, built from the narrations it contains (EPIC-KITCHENS-100 has no
 * human-written summaries, unlike the Ego4D summaries HierVL uses): the segments lying at least half inside the
 * window; their distinct narrations (lower case, trimmed), ranked by the time they cover in the window; the
 * {@value #MAX_NARRATIONS} that cover most, joined with {@code ", "} in the order they first occur. For example
 * {@code "take plate, wash plate, rinse sponge, put plate on rack"}.
 */
public final class SummaryText {

    /** Most narrations a summary keeps. */
    public static final int MAX_NARRATIONS = 8;

    private SummaryText() {
    }

    /**
     * The summary of a window.
     *
     * @param segments the video's segments (any order)
     * @param fromSeconds window start, s
     * @param toSeconds window end, s
     * @return the summary, or the empty string when no segment is at least half inside
     */
    public static String of(final List<ActionSegment> segments, final double fromSeconds, final double toSeconds) {
        final Map<String, double[]> byText = new LinkedHashMap<>(); // text -> {covered seconds, first start}
        final List<ActionSegment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(ActionSegment::startSeconds));
        for (final ActionSegment s : sorted) {
            final double inside = s.overlapSeconds(fromSeconds, toSeconds);
            final String text = normalise(s.narration());
            if (inside * 2 < s.durationSeconds() || text.isEmpty()) {
                continue;
            }
            final double[] v = byText.computeIfAbsent(text, t -> new double[] {0, s.startSeconds()});
            v[0] += inside;
        }
        final List<Map.Entry<String, double[]>> ranked = new ArrayList<>(byText.entrySet());
        ranked.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0])
                .thenComparingDouble(e -> e.getValue()[1]));
        final List<Map.Entry<String, double[]>> kept = new ArrayList<>(
                ranked.subList(0, Math.min(MAX_NARRATIONS, ranked.size())));
        kept.sort(Comparator.comparingDouble(e -> e.getValue()[1]));
        return String.join(", ", kept.stream().map(Map.Entry::getKey).toList());
    }

    /**
     * The form narrations are compared and embedded in.
     *
     * @param narration a narration
     * @return lower case, trimmed, inner whitespace collapsed
     */
    public static String normalise(final String narration) {
        return narration.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
