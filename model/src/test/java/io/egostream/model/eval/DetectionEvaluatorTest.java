package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionEvaluatorTest {

    private static GroundTruthSegment gt(final String video, final String label, final double s, final double e) {
        return new GroundTruthSegment(video, label, s, e);
    }

    private static PredictedSegment pred(final String video, final String label, final double score,
            final double s, final double e) {
        return new PredictedSegment(video, label, score, s, e);
    }

    private static DetectionEvalConfig config(final TieRule rule, final double... thresholds) {
        return new DetectionEvalConfig(TiouThresholds.of(thresholds), false, rule, List.of(1, 5));
    }

    @Test
    void aTiouOfExactlyPoint3FailsTheLinspaceThresholdAndPassesTheLiteral() {
        // [0,3] vs [0,10]: 3 / 10 = 0.3 exactly in double
        assertEquals(0.3, TemporalIou.activityNet(0, 3, 0, 10));
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 10));
        final List<PredictedSegment> p = List.of(pred("v", "a", 0.9, 0, 3));
        final DetectionReport linspace = DetectionEvaluator.evaluate(g, p, DetectionEvalConfig.hierEgoPack());
        assertArrayEquals(new double[] {1, 1, 0, 0, 0}, linspace.meanAp());
        final DetectionReport literal = DetectionEvaluator.evaluate(g, p, DetectionEvalConfig.ego4d());
        assertArrayEquals(new double[] {1, 1, 1, 0, 0}, literal.meanAp());
        assertEquals(0.6, literal.averageMeanAp());
    }

    @Test
    void equalScoresFollowTheTieRule() {
        // a true and a false positive with the same score
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 10));
        final List<PredictedSegment> p = List.of(pred("v", "a", 0.5, 0, 10), pred("v", "a", 0.5, 20, 30));
        // later-first: FP then TP, precision [0, 0.5], recall [0, 1]: AP 0.5
        assertEquals(0.5, DetectionEvaluator.evaluate(g, p, config(TieRule.LATER_FIRST, 0.5)).averageMeanAp());
        // earlier-first: TP then FP: AP 1
        assertEquals(1.0, DetectionEvaluator.evaluate(g, p, config(TieRule.EARLIER_FIRST, 0.5)).averageMeanAp());
    }

    @Test
    void equalTiouToTwoGroundTruthsFollowsTheTieRule() {
        // [5,15] overlaps [0,10] and [10,20] by 1/3 each; [10,20] then only matches the second ground truth
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 10), gt("v", "a", 10, 20));
        final List<PredictedSegment> p = List.of(pred("v", "a", 0.9, 5, 15), pred("v", "a", 0.8, 10, 20));
        // later-first: the first prediction takes [10,20]; the second finds it taken, [0,10] is below 0.3: FP
        // precision [1, 0.5], recall [0.5, 0.5]: AP 0.5
        assertEquals(0.5, DetectionEvaluator.evaluate(g, p, config(TieRule.LATER_FIRST, 0.3)).averageMeanAp());
        // earlier-first: it takes [0,10], the second prediction takes [10,20]: AP 1
        assertEquals(1.0, DetectionEvaluator.evaluate(g, p, config(TieRule.EARLIER_FIRST, 0.3)).averageMeanAp());
    }

    @Test
    void aPredictionFallsBackToItsSecondBestGroundTruthInOverlappingSameClassGroundTruth() {
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 10), gt("v", "a", 2, 12));
        // second prediction: 9.5/10.5 with [0,10] (taken), 8.5/11.5 = 0.739 with [2,12]
        final List<PredictedSegment> p = List.of(pred("v", "a", 0.9, 0, 10), pred("v", "a", 0.8, 0.5, 10.5));
        final DetectionReport r = DetectionEvaluator.evaluate(g, p, config(TieRule.LATER_FIRST, 0.5, 0.8));
        assertArrayEquals(new double[] {1.0, 0.5}, r.meanAp());
    }

    @Test
    void apIsTheVocAllPointInterpolation() {
        // ranked TP, FP, TP, FP, TP over 4 ground truths: precision 1, 1/2, 2/3, 2/4, 3/5; recall 1/4 .. 3/4
        // envelope: 1, 2/3, 2/3, 3/5, 3/5 -> AP = 1/4 * 1 + 1/4 * 2/3 + 1/4 * 3/5
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 1), gt("v", "a", 2, 3), gt("v", "a", 4, 5),
                gt("v", "a", 6, 7));
        final List<PredictedSegment> p = List.of(pred("v", "a", 0.9, 0, 1), pred("v", "a", 0.8, 10, 11),
                pred("v", "a", 0.7, 2, 3), pred("v", "a", 0.6, 12, 13), pred("v", "a", 0.5, 4, 5));
        final double expected = 0.25 * 1 + 0.25 * (2.0 / 3) + 0.25 * 0.6;
        assertEquals(expected, DetectionEvaluator.evaluate(g, p, config(TieRule.LATER_FIRST, 0.5)).averageMeanAp(),
                1e-15);
    }

    @Test
    void emptyPredictionsScoreZero() {
        final DetectionReport r = DetectionEvaluator.evaluate(List.of(gt("v", "a", 0, 10)), List.of(),
                DetectionEvalConfig.hierEgoPack());
        assertArrayEquals(new double[5], r.meanAp());
        assertArrayEquals(new double[5], r.recall().get(1));
        assertEquals(1, r.groundTruthCount());
    }

    @Test
    void aClassWithNoPredictionsCountsAsZero() {
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 10), gt("v", "b", 20, 30));
        final DetectionReport r = DetectionEvaluator.evaluate(g, List.of(pred("v", "a", 0.9, 0, 10)),
                config(TieRule.LATER_FIRST, 0.5));
        assertEquals(0.5, r.averageMeanAp());
        assertArrayEquals(new double[] {1.0}, r.apPerClass().get("a"));
        assertArrayEquals(new double[] {0.0}, r.apPerClass().get("b"));
        assertEquals(List.of("a", "b"), new ArrayList<>(r.apPerClass().keySet()));
    }

    @Test
    void predictionsOfLabelsNotInTheGroundTruthAreIgnored() {
        final List<GroundTruthSegment> g = List.of(gt("v", "1", 0, 10));
        // label "0" is not in the ground truth (and would be class index 0 under the reference's remapping)
        final List<PredictedSegment> p = List.of(pred("v", "0", 0.99, 30, 40), pred("v", "1", 0.9, 0, 10));
        assertEquals(1.0, DetectionEvaluator.evaluate(g, p, config(TieRule.LATER_FIRST, 0.5)).averageMeanAp());
        // a prediction of a known label in a video without that label's ground truth is a false positive
        final List<PredictedSegment> q = List.of(pred("w", "1", 0.99, 0, 10), pred("v", "1", 0.9, 0, 10));
        assertEquals(0.5, DetectionEvaluator.evaluate(g, q, config(TieRule.LATER_FIRST, 0.5)).averageMeanAp());
    }

    @Test
    void duplicateGroundTruthWithAndWithoutDedup() {
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 10), gt("v", "a", 0.0005, 10.0008),
                gt("v", "b", 0, 10), gt("v", "a", 5, 5.0005), gt("w", "a", 0.0005, 10.0008));
        final List<PredictedSegment> p = List.of(pred("v", "a", 0.9, 0, 10), pred("v", "b", 0.8, 0, 10),
                pred("w", "a", 0.7, 0, 10));
        // de-duplicated: v keeps a[0,10] and b[0,10] (other label), drops the near copy and the 0.5 ms one;
        // w keeps its own copy (other video)
        assertEquals(List.of(g.get(0), g.get(2), g.get(4)), GroundTruthDedup.removeDuplicates(g));
        final DetectionEvalConfig withDedup = config(TieRule.LATER_FIRST, 0.5).withDedupGt(true);
        final DetectionReport deduped = DetectionEvaluator.evaluate(g, p, withDedup);
        assertEquals(3, deduped.groundTruthCount());
        assertEquals(1.0, deduped.averageMeanAp());
        // without: class a has 4 ground truths and 2 true positives: AP 0.5; b: 1
        final DetectionReport raw = DetectionEvaluator.evaluate(g, p, config(TieRule.LATER_FIRST, 0.5));
        assertEquals(5, raw.groundTruthCount());
        assertArrayEquals(new double[] {0.5}, raw.apPerClass().get("a"));
        assertEquals(0.75, raw.averageMeanAp());
    }

    @Test
    void twoZeroLengthSegmentsHaveNanTiouWhichTheReferenceCountsAsAMatch() {
        assertEquals(Double.NaN, TemporalIou.activityNet(4, 4, 7, 7));
        final DetectionReport r = DetectionEvaluator.evaluate(List.of(gt("v", "a", 7, 7)),
                List.of(pred("v", "a", 0.9, 4, 4)), config(TieRule.LATER_FIRST, 0.5));
        assertEquals(1.0, r.averageMeanAp());
        // but Recall@kx needs tIoU >= t, which NaN fails
        assertArrayEquals(new double[] {0.0}, r.recall().get(1));
    }

    @Test
    void recallAtKxTakesTheTopKTimesNPredictionsWithoutOneToOneMatching() {
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 10), gt("v", "a", 20, 30));
        final List<PredictedSegment> p = List.of(pred("v", "a", 0.9, 0, 10), pred("v", "a", 0.8, 0, 10.5),
                pred("v", "a", 0.7, 40, 50), pred("v", "a", 0.6, 20, 30));
        final DetectionReport r = DetectionEvaluator.evaluate(g, p,
                config(TieRule.LATER_FIRST, 0.5).withRecallTopK(List.of(1, 2)));
        // top 2: both hit [0,10] only
        assertArrayEquals(new double[] {0.5}, r.recall().get(1));
        // top 4: [20,30] too
        assertArrayEquals(new double[] {1.0}, r.recall().get(2));
        // one prediction over both ground truths recalls both (tIoU 10/30 >= 0.3)
        final DetectionReport wide = DetectionEvaluator.evaluate(g, List.of(pred("v", "a", 0.9, 0, 30)),
                config(TieRule.LATER_FIRST, 0.3));
        assertArrayEquals(new double[] {1.0}, wide.recall().get(1));
        assertArrayEquals(new double[] {0.5}, wide.meanAp());
    }

    @Test
    void recallIsAveragedOverClasses() {
        final List<GroundTruthSegment> g = List.of(gt("v", "a", 0, 10), gt("v", "b", 0, 10), gt("v", "b", 20, 30),
                gt("w", "b", 0, 10));
        final List<PredictedSegment> p = List.of(pred("v", "a", 0.9, 0, 10), pred("v", "b", 0.9, 0, 10));
        final DetectionReport r = DetectionEvaluator.evaluate(g, p, config(TieRule.LATER_FIRST, 0.5));
        // a: 1/1, b: 1/3 (w has no prediction of b)
        assertArrayEquals(new double[] {(1.0 + 1.0 / 3) / 2}, r.recall().get(1));
    }

    @Test
    void noGroundTruthIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> DetectionEvaluator.evaluate(List.of(), List.of(), DetectionEvalConfig.ego4d()));
    }
}
