package io.egostream.cli.videotext;

import io.egostream.training.videotext.RetrievalScores;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Retrieval scores as report JSON and as one line of text. */
final class RetrievalTables {

    private RetrievalTables() {
    }

    static Map<String, Object> json(final RetrievalScores s) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("queries", s.queries());
        m.put("gallery", s.gallery());
        m.put("r_at_1", s.recallAt1());
        m.put("r_at_5", s.recallAt5());
        m.put("r_at_10", s.recallAt10());
        m.put("median_rank", s.medianRank());
        final Map<String, Object> chance = new LinkedHashMap<>();
        chance.put("r_at_1", s.chanceRecallAt1());
        chance.put("r_at_5", s.chanceRecallAt5());
        chance.put("r_at_10", s.chanceRecallAt10());
        chance.put("median_rank", s.chanceMedianRank());
        m.put("chance", chance);
        return m;
    }

    static String line(final String name, final RetrievalScores s) {
        return String.format(Locale.ROOT, "%-26s %5d queries x %5d | R@1 %5.1f%%  R@5 %5.1f%%  R@10 %5.1f%%  MdR %6.1f"
                + " | chance R@1 %5.2f%%  R@5 %5.2f%%  R@10 %5.2f%%  MdR %6.1f", name, s.queries(), s.gallery(),
                100 * s.recallAt1(), 100 * s.recallAt5(), 100 * s.recallAt10(), s.medianRank(),
                100 * s.chanceRecallAt1(), 100 * s.chanceRecallAt5(), 100 * s.chanceRecallAt10(),
                s.chanceMedianRank());
    }
}
