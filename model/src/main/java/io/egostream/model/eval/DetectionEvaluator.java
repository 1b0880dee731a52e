package io.egostream.model.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Temporal-localization mAP and Recall@kx as ActionFormer's {@code ANETdetection} (also the Ego4D MQ
 * evaluation and the Hier-EgoPack MQ meter, which share its matching).
 *
 * <ol>
 *   <li>Optionally de-duplicate the ground truth ({@link GroundTruthDedup}).</li>
 *   <li>The classes are the labels present in the ground truth, sorted. Predictions of other labels are
 *       ignored (the reference's label remapping, which can merge such a prediction into another class when
 *       ground-truth labels are not {@code 0..C-1}, is not reproduced).</li>
 *   <li>AP per class and threshold ({@link ClassDetectionAp}); a class with ground truth and no prediction
 *       scores 0 and still counts. mAP per threshold is the mean over classes; the average mAP is the mean
 *       over thresholds.</li>
 *   <li>Recall@kx per class ({@link TopKxRecall}), averaged over classes.</li>
 * </ol>
 */
public final class DetectionEvaluator {

    private DetectionEvaluator() {
    }

    /**
     * Evaluates predictions against ground truth.
     *
     * @param groundTruth the ground truth, in file order (order matters only among equal tIoUs)
     * @param predictions the predictions, in file order (order matters only among equal scores)
     * @param config thresholds, de-duplication, tie rule and Recall@kx
     * @return the report
     * @throws IllegalArgumentException if there is no ground truth (after de-duplication)
     */
    public static DetectionReport evaluate(final List<GroundTruthSegment> groundTruth,
            final List<PredictedSegment> predictions, final DetectionEvalConfig config) {
        final List<GroundTruthSegment> gts = config.dedupGt()
                ? GroundTruthDedup.removeDuplicates(groundTruth) : groundTruth;
        if (gts.isEmpty()) {
            throw new IllegalArgumentException("no ground-truth segments to evaluate against");
        }
        final TreeSet<String> classes = new TreeSet<>();
        final Map<String, List<GroundTruthSegment>> gtByClass = new HashMap<>();
        for (final GroundTruthSegment g : gts) {
            classes.add(g.label());
            gtByClass.computeIfAbsent(g.label(), l -> new ArrayList<>()).add(g);
        }
        final Map<String, List<PredictedSegment>> predByClass = new HashMap<>();
        for (final PredictedSegment p : predictions) {
            if (classes.contains(p.label())) {
                predByClass.computeIfAbsent(p.label(), l -> new ArrayList<>()).add(p);
            }
        }
        final TiouThresholds thresholds = config.thresholds();
        final int nt = thresholds.size();
        final int nc = classes.size();
        final int[] ks = config.recallTopK().stream().mapToInt(Integer::intValue).toArray();
        final double[][] ap = new double[nt][nc];
        final double[][][] recall = new double[nt][ks.length][nc];
        final Map<String, double[]> apPerClass = new LinkedHashMap<>();
        int c = 0;
        for (final String label : classes) {
            final List<GroundTruthSegment> cg = gtByClass.get(label);
            final List<PredictedSegment> cp = predByClass.getOrDefault(label, List.of());
            final double[] classAp = ClassDetectionAp.compute(cg, cp, thresholds, config.tieRule());
            final double[][] classRecall = TopKxRecall.compute(cg, cp, thresholds, ks, config.tieRule());
            for (int t = 0; t < nt; t++) {
                ap[t][c] = classAp[t];
                for (int k = 0; k < ks.length; k++) {
                    recall[t][k][c] = classRecall[t][k];
                }
            }
            apPerClass.put(label, classAp);
            c++;
        }
        final double[] meanAp = new double[nt];
        for (int t = 0; t < nt; t++) {
            meanAp[t] = NumpySum.mean(ap[t]);
        }
        final Map<Integer, double[]> meanRecall = new LinkedHashMap<>();
        for (int k = 0; k < ks.length; k++) {
            final double[] r = new double[nt];
            for (int t = 0; t < nt; t++) {
                r[t] = NumpySum.mean(recall[t][k]);
            }
            meanRecall.put(ks[k], r);
        }
        return new DetectionReport(thresholds.values(), meanAp, NumpySum.mean(meanAp), apPerClass, meanRecall,
                gts.size());
    }
}
