package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalRecallTest {

    @Test
    void strictThresholdPooledOverAllGroundTruthInFileOrder() {
        final List<GroundTruthSegment> g = List.of(
                new GroundTruthSegment("c1", "a", 0, 10),
                new GroundTruthSegment("c1", "b", 0, 10),
                new GroundTruthSegment("c1", "b", 20, 30),
                new GroundTruthSegment("c2", "a", 0, 10));
        final List<PredictedSegment> p = List.of(
                // file order, not score order: the low-score miss comes first
                new PredictedSegment("c1", "a", 0.1, 50, 60),
                new PredictedSegment("c1", "a", 0.9, 0, 5),
                // tIoU exactly 0.5 with b[0,10]: fails 0.5 (strict), passes 0.3
                new PredictedSegment("c1", "b", 0.9, 0, 5),
                new PredictedSegment("c1", "b", 0.8, 20, 30),
                new PredictedSegment("c1", "zzz", 0.8, 0, 10));
        // c2 has no prediction at all: retrieves nothing, no error
        final RetrievalReport r = RetrievalRecall.evaluate(g, p);
        assertEquals(4, r.groundTruthCount());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, r.ranks());
        // tIoU 0.3: rank 1 -> a: first prediction misses; b: both retrieved (2 rows): 2/4; rank 2: a too: 3/4
        assertArrayEquals(new double[] {0.5, 0.75, 0.75, 0.75, 0.75}, r.recall()[0]);
        // tIoU 0.5: a[0,5] is exactly 0.5, fails; b: only [20,30]
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.25}, r.recall()[1]);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0.25}, r.recall()[2]);
    }

    @Test
    void retrievalIouUsesTheSpanAsUnion() {
        assertEquals(0.5, TemporalIou.retrieval(0, 5, 0, 10));
        assertEquals(0.0, TemporalIou.retrieval(0, 5, 10, 20));
        assertEquals(2.0 / 8.0, TemporalIou.retrieval(0, 5, 3, 8));
    }
}
