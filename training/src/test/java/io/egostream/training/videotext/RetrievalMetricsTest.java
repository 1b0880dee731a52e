package io.egostream.training.videotext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

    @Test
    void firstRelevantRankCountsOnlyHigherNonRelevantItems() {
        final double[] s = {0.9, 0.2, 0.8, 0.5};
        assertEquals(1, RetrievalMetrics.firstRelevantRank(s, new int[] {0}));
        assertEquals(2, RetrievalMetrics.firstRelevantRank(s, new int[] {2}));
        assertEquals(3, RetrievalMetrics.firstRelevantRank(s, new int[] {3, 1}));
        assertEquals(4, RetrievalMetrics.firstRelevantRank(s, new int[] {1}));
    }

    @Test
    void chanceIsHypergeometric() {
        assertEquals(0.5, RetrievalMetrics.chanceRecall(10, 1, 5), 1e-12);
        assertEquals(1 - (8.0 / 10) * (7.0 / 9), RetrievalMetrics.chanceRecall(10, 2, 2), 1e-12);
        assertEquals(1.0, RetrievalMetrics.chanceRecall(10, 1, 10), 1e-12);
        assertEquals(5, RetrievalMetrics.chanceMedianRank(10, 1));
        assertEquals(50, RetrievalMetrics.chanceMedianRank(100, 1));
        assertEquals(3, RetrievalMetrics.chanceMedianRank(10, 2)); // P(rank <= 3) = 1 - 8*7*6/(10*9*8) = 0.533
    }

    @Test
    void scoresHandWorkedQueries() {
        final float[][] gallery = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
        final float[][] queries = {{1, 0}, {0, 1}, {0, -1}};
        // Query 0 finds item 0 first; query 1 wants item 3 (ranked last: 4); query 2 wants items 1 or 3 (3: rank 1).
        final RetrievalScores r = RetrievalMetrics.score(queries, gallery,
                List.of(new int[] {0}, new int[] {3}, new int[] {1, 3}));
        assertEquals(3, r.queries());
        assertEquals(4, r.gallery());
        assertEquals(2.0 / 3, r.recallAt1(), 1e-12);
        assertEquals(1.0, r.recallAt5(), 1e-12);
        assertEquals(1.0, r.medianRank(), 1e-12);
        assertEquals((0.25 + 0.25 + 0.5) / 3, r.chanceRecallAt1(), 1e-12);
        assertEquals(2.0, r.chanceMedianRank(), 1e-12); // per query 2, 2, 1 -> median 2
    }
}
