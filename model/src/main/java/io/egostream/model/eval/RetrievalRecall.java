package io.egostream.model.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ego4D {@code Moment_Retrieval} recall ({@code get_retrieval_performance.py}). For each video (clip) and
 * label with {@code n} ground-truth instances, the first {@code r * n} predictions of that video and label
 * <em>in file order</em> (the reference writes them sorted by score) retrieve an instance when any of them
 * overlaps it by {@code tIoU > t} (strict), with {@link TemporalIou#retrieval}. Recall is the fraction of
 * all ground-truth instances retrieved, pooled over videos and labels (not class-averaged). A video with no
 * prediction at all retrieves nothing (the reference raises {@code KeyError} there).
 */
public final class RetrievalRecall {

    /** The thresholds of the reference, 0.3, 0.5 and 0.7. */
    public static final double[] THRESHOLDS = {0.3, 0.5, 0.7};
    /** The ranks of the reference, 1 to 5. */
    public static final int[] RANKS = {1, 2, 3, 4, 5};

    private RetrievalRecall() {
    }

    /**
     * Evaluates predictions against ground truth at the reference thresholds and ranks.
     *
     * @param groundTruth the ground truth
     * @param predictions the predictions, in file order
     * @return the report
     */
    public static RetrievalReport evaluate(final List<GroundTruthSegment> groundTruth,
            final List<PredictedSegment> predictions) {
        return evaluate(groundTruth, predictions, THRESHOLDS, RANKS);
    }

    /**
     * Evaluates predictions against ground truth.
     *
     * @param groundTruth the ground truth
     * @param predictions the predictions, in file order
     * @param thresholds tIoU thresholds (strict {@code >})
     * @param ranks ranks r, each &gt;= 1
     * @return the report
     * @throws IllegalArgumentException if there is no ground truth
     */
    public static RetrievalReport evaluate(final List<GroundTruthSegment> groundTruth,
            final List<PredictedSegment> predictions, final double[] thresholds, final int[] ranks) {
        if (groundTruth.isEmpty()) {
            throw new IllegalArgumentException("no ground-truth segments to evaluate against");
        }
        for (final int r : ranks) {
            if (r < 1) {
                throw new IllegalArgumentException("retrieval rank must be >= 1, got " + r);
            }
        }
        final Map<List<String>, List<GroundTruthSegment>> gtGroups = new LinkedHashMap<>();
        for (final GroundTruthSegment g : groundTruth) {
            gtGroups.computeIfAbsent(List.of(g.videoId(), g.label()), k -> new ArrayList<>()).add(g);
        }
        final Map<List<String>, List<PredictedSegment>> predGroups = new HashMap<>();
        for (final PredictedSegment p : predictions) {
            predGroups.computeIfAbsent(List.of(p.videoId(), p.label()), k -> new ArrayList<>()).add(p);
        }
        final long[][] retrieved = new long[thresholds.length][ranks.length];
        for (final Map.Entry<List<String>, List<GroundTruthSegment>> e : gtGroups.entrySet()) {
            final List<GroundTruthSegment> gts = e.getValue();
            final List<PredictedSegment> preds = predGroups.getOrDefault(e.getKey(), List.of());
            final int n = gts.size();
            for (int t = 0; t < thresholds.length; t++) {
                for (int r = 0; r < ranks.length; r++) {
                    final int rows = Math.min(preds.size(), ranks[r] * n);
                    for (final GroundTruthSegment g : gts) {
                        for (int i = 0; i < rows; i++) {
                            final PredictedSegment p = preds.get(i);
                            if (TemporalIou.retrieval(p.startSeconds(), p.endSeconds(), g.startSeconds(),
                                    g.endSeconds()) > thresholds[t]) {
                                retrieved[t][r]++;
                                break;
                            }
                        }
                    }
                }
            }
        }
        final double[][] recall = new double[thresholds.length][ranks.length];
        for (int t = 0; t < thresholds.length; t++) {
            for (int r = 0; r < ranks.length; r++) {
                recall[t][r] = (double) retrieved[t][r] / groundTruth.size();
            }
        }
        return new RetrievalReport(thresholds.clone(), ranks.clone(), recall, groundTruth.size());
    }
}
