package io.egostream.model.eval;

import java.util.List;

/**
 * How {@link DetectionEvaluator} scores detections.
 *
 * @param thresholds the tIoU thresholds
 * @param dedupGt whether to remove short and duplicate ground truth first ({@link GroundTruthDedup},
 *     ActionFormer only)
 * @param tieRule order of equal scores and equal tIoUs
 * @param recallTopK the k of Recall@kx, each &gt;= 1, no duplicates (may be empty)
 */
public record DetectionEvalConfig(TiouThresholds thresholds, boolean dedupGt, TieRule tieRule,
        List<Integer> recallTopK) {

    /** Validates every field and copies the list. */
    public DetectionEvalConfig {
        if (thresholds == null || tieRule == null || recallTopK == null) {
            throw new IllegalArgumentException("detection evaluation thresholds, tie rule and recall k must not "
                    + "be null");
        }
        recallTopK = List.copyOf(recallTopK);
        for (final int k : recallTopK) {
            if (k < 1) {
                throw new IllegalArgumentException("Recall@kx needs k >= 1, got " + k);
            }
        }
        if (recallTopK.stream().distinct().count() != recallTopK.size()) {
            throw new IllegalArgumentException("Recall@kx k values must be distinct, got " + recallTopK);
        }
    }

    /**
     * ActionFormer's {@code ANETdetection}: ground-truth de-duplication, {@code linspace(0.1, 0.5, 5)} (use
     * {@link #withThresholds} for THUMOS or ActivityNet), Recall@1x and @5x, later-first ties.
     *
     * @return the setting
     */
    public static DetectionEvalConfig actionFormer() {
        return new DetectionEvalConfig(TiouThresholds.EGO4D, true, TieRule.LATER_FIRST, List.of(1, 5));
    }

    /**
     * The Hier-EgoPack MQ meter (a copy of ActionFormer's code without de-duplication):
     * {@code linspace(0.1, 0.5, 5)}, Recall@1x and @5x, later-first ties.
     *
     * @return the setting
     */
    public static DetectionEvalConfig hierEgoPack() {
        return new DetectionEvalConfig(TiouThresholds.EGO4D, false, TieRule.LATER_FIRST, List.of(1, 5));
    }

    /**
     * The Ego4D MQ evaluation script: no de-duplication, the literal list {@code [0.1, 0.2, 0.3, 0.4, 0.5]},
     * later-first ties (Recall@1x and @5x as well, which that script does not compute).
     *
     * @return the setting
     */
    public static DetectionEvalConfig ego4d() {
        return new DetectionEvalConfig(TiouThresholds.EGO4D_LITERAL, false, TieRule.LATER_FIRST, List.of(1, 5));
    }

    /**
     * This setting with other thresholds.
     *
     * @param newThresholds the thresholds
     * @return the changed setting
     */
    public DetectionEvalConfig withThresholds(final TiouThresholds newThresholds) {
        return new DetectionEvalConfig(newThresholds, dedupGt, tieRule, recallTopK);
    }

    /**
     * This setting with de-duplication on or off.
     *
     * @param dedup whether to de-duplicate the ground truth
     * @return the changed setting
     */
    public DetectionEvalConfig withDedupGt(final boolean dedup) {
        return new DetectionEvalConfig(thresholds, dedup, tieRule, recallTopK);
    }

    /**
     * This setting with another tie rule.
     *
     * @param rule the rule
     * @return the changed setting
     */
    public DetectionEvalConfig withTieRule(final TieRule rule) {
        return new DetectionEvalConfig(thresholds, dedupGt, rule, recallTopK);
    }

    /**
     * This setting with other Recall@kx multipliers.
     *
     * @param ks the k values
     * @return the changed setting
     */
    public DetectionEvalConfig withRecallTopK(final List<Integer> ks) {
        return new DetectionEvalConfig(thresholds, dedupGt, tieRule, ks);
    }
}
