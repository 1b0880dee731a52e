package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real THUMOS14 test-set annotations (3,358 segments, 212 videos, 20 classes) evaluated against
 * themselves, exactly and with boundaries shifted by known fractions of their length.
 */
class Thumos14GroundTruthTest {

    /**
     * Right shifts, as fractions of the segment length; the own tIoU (1-d)/(1+d) is 1, .653, .550, .449, .351,
     * .198: one value between each two THUMOS thresholds, none closer than 0.047 to one.
     */
    private static final double[] SHIFTS = {0, 0.21, 0.29, 0.38, 0.48, 0.67};

    private static List<GroundTruthSegment> groundTruth;

    @BeforeAll
    static void load() throws IOException {
        groundTruth = new ArrayList<>();
        try (InputStream in = Thumos14GroundTruthTest.class.getResourceAsStream("/thumos14/thumos14.json")) {
            final JsonNode database = new ObjectMapper().readTree(in).get("database");
            for (final Map.Entry<String, JsonNode> v : database.properties()) {
                if (!"Test".equals(v.getValue().get("subset").asText())) {
                    continue;
                }
                for (final JsonNode a : v.getValue().get("annotations")) {
                    groundTruth.add(new GroundTruthSegment(v.getKey(), a.get("label").asText(),
                            a.get("segment").get(0).asDouble(), a.get("segment").get(1).asDouble()));
                }
            }
        }
    }

    @Test
    void theFileIsTheThumos14TestSet() {
        assertEquals(3358, groundTruth.size());
        assertEquals(212, groundTruth.stream().map(GroundTruthSegment::videoId).distinct().count());
        assertEquals(20, groundTruth.stream().map(GroundTruthSegment::label).distinct().count());
    }

    @Test
    void groundTruthAgainstItselfScoresOneWithEqualScores() {
        final List<PredictedSegment> preds = new ArrayList<>();
        for (final GroundTruthSegment g : groundTruth) {
            preds.add(new PredictedSegment(g.videoId(), g.label(), 1.0, g.startSeconds(), g.endSeconds()));
        }
        for (final DetectionEvalConfig cfg : List.of(DetectionEvalConfig.actionFormer(),
                DetectionEvalConfig.hierEgoPack().withTieRule(TieRule.EARLIER_FIRST))) {
            final DetectionReport r = DetectionEvaluator.evaluate(groundTruth, preds,
                    cfg.withThresholds(TiouThresholds.THUMOS));
            assertArrayEquals(new double[] {1, 1, 1, 1, 1}, r.meanAp());
            assertEquals(1.0, r.averageMeanAp());
            assertArrayEquals(new double[] {1, 1, 1, 1, 1}, r.recall().get(1));
            assertEquals(3358, r.groundTruthCount());
        }
    }

    @Test
    void jitteredGroundTruthScoresWhatTheAnalyticTiouGives() {
        final List<PredictedSegment> preds = new ArrayList<>();
        final double[] ownTiou = new double[groundTruth.size()];
        final double[] scores = new double[groundTruth.size()];
        int shifted = 0;
        for (int i = 0; i < groundTruth.size(); i++) {
            final GroundTruthSegment g = groundTruth.get(i);
            final double length = g.endSeconds() - g.startSeconds();
            double d = SHIFTS[i % SHIFTS.length];
            if (d > 0 && !isolated(i, g.endSeconds() + d * length)) {
                d = 0;
            }
            shifted += d > 0 ? 1 : 0;
            ownTiou[i] = (1 - d) / (1 + d);
            // distinct scores in a scrambled order (7919 is invertible mod the prime 10007)
            scores[i] = ((i * 7919L) % 10007) / 10007.0;
            preds.add(new PredictedSegment(g.videoId(), g.label(), scores[i], g.startSeconds() + d * length,
                    g.endSeconds() + d * length));
        }
        assertTrue(shifted > 2000, "most segments are isolated enough to shift, got " + shifted);
        final double[] thresholds = TiouThresholds.THUMOS.values();
        final double[] expectedMap = new double[thresholds.length];
        final double[] expectedRecall = new double[thresholds.length];
        final Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < groundTruth.size(); i++) {
            byClass.computeIfAbsent(groundTruth.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        for (int t = 0; t < thresholds.length; t++) {
            double apSum = 0;
            double recallSum = 0;
            for (final List<Integer> members : byClass.values()) {
                apSum += rankedAp(members, scores, ownTiou, thresholds[t]);
                int recalled = 0;
                for (final int i : members) {
                    recalled += ownTiou[i] >= thresholds[t] ? 1 : 0;
                }
                recallSum += (double) recalled / members.size();
            }
            expectedMap[t] = apSum / byClass.size();
            expectedRecall[t] = recallSum / byClass.size();
        }
        for (final DetectionEvalConfig cfg : List.of(DetectionEvalConfig.actionFormer(),
                DetectionEvalConfig.hierEgoPack())) {
            final DetectionReport r = DetectionEvaluator.evaluate(groundTruth, preds,
                    cfg.withThresholds(TiouThresholds.THUMOS));
            assertArrayEquals(expectedMap, r.meanAp(), 1e-12);
            assertArrayEquals(expectedRecall, r.recall().get(1), 1e-12);
            assertArrayEquals(expectedRecall, r.recall().get(5), 1e-12);
        }
        // the shifts bite: fewer matches at every higher threshold
        for (int t = 1; t < thresholds.length; t++) {
            assertTrue(expectedMap[t] < expectedMap[t - 1]);
        }
    }

    /**
     * Whether no other ground truth of the same video and label intersects [start of g, shiftedEnd].
     */
    private static boolean isolated(final int index, final double shiftedEnd) {
        final GroundTruthSegment g = groundTruth.get(index);
        for (int j = 0; j < groundTruth.size(); j++) {
            final GroundTruthSegment h = groundTruth.get(j);
            if (j != index && h.videoId().equals(g.videoId()) && h.label().equals(g.label())
                    && h.startSeconds() < shiftedEnd && h.endSeconds() > g.startSeconds()) {
                return false;
            }
        }
        return true;
    }

    /**
     * AP of one class when each prediction can only match its own ground truth: rank by score; a
     * prediction is a hit when its own tIoU reaches the threshold; AP = (1 / n) * sum over hits of the best
     * precision at that rank or below.
     */
    private static double rankedAp(final List<Integer> members, final double[] scores, final double[] ownTiou,
            final double threshold) {
        final List<Integer> ranked = new ArrayList<>(members);
        ranked.sort((a, b) -> Double.compare(scores[b], scores[a]));
        final int n = ranked.size();
        final double[] precision = new double[n];
        final boolean[] hit = new boolean[n];
        int hits = 0;
        for (int r = 0; r < n; r++) {
            hit[r] = ownTiou[ranked.get(r)] >= threshold;
            hits += hit[r] ? 1 : 0;
            precision[r] = (double) hits / (r + 1);
        }
        double best = 0;
        double ap = 0;
        final Map<Integer, Double> bestFrom = new LinkedHashMap<>();
        for (int r = n - 1; r >= 0; r--) {
            best = Math.max(best, precision[r]);
            bestFrom.put(r, best);
        }
        for (int r = 0; r < n; r++) {
            if (hit[r]) {
                ap += bestFrom.get(r) / n;
            }
        }
        return ap;
    }
}
