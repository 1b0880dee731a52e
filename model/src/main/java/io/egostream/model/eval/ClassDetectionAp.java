package io.egostream.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ActivityNet {@code compute_average_precision_detection} for one class: rank the predictions by score,
 * descending; for each, visit its video's ground truth of the class by tIoU, descending; at each threshold
 * the first ground truth with {@code tIoU >= t} that is not yet taken at {@code t} makes it a true positive
 * (so a prediction falls back to its second-best ground truth when the best is taken); a tIoU below
 * {@code t} or no free ground truth makes it a false positive. A prediction in a video without ground truth
 * of the class is a false positive at every threshold.
 */
final class ClassDetectionAp {

    private ClassDetectionAp() {
    }

    /**
     * The AP of one class at every threshold.
     *
     * @param gts the class's ground truth, file order
     * @param preds the class's predictions, file order
     * @param thresholds the tIoU thresholds
     * @param rule order of equal scores and equal tIoUs
     * @return AP per threshold {@code [T]}; all 0 when there are no predictions
     */
    static double[] compute(final List<GroundTruthSegment> gts, final List<PredictedSegment> preds,
            final TiouThresholds thresholds, final TieRule rule) {
        final int nt = thresholds.size();
        final double[] ap = new double[nt];
        if (preds.isEmpty()) {
            return ap;
        }
        final double npos = gts.size();
        final Map<String, int[]> gtByVideo = indexByVideo(gts);
        final int[][] lock = new int[nt][gts.size()];
        for (final int[] row : lock) {
            Arrays.fill(row, -1);
        }
        final double[] scores = new double[preds.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = preds.get(i).score();
        }
        final int[] order = NumpyOrder.descending(scores, rule);
        final int np = order.length;
        final boolean[][] tp = new boolean[nt][np];
        final boolean[][] fp = new boolean[nt][np];
        for (int idx = 0; idx < np; idx++) {
            final PredictedSegment p = preds.get(order[idx]);
            final int[] videoGts = gtByVideo.get(p.videoId());
            if (videoGts == null) {
                for (int t = 0; t < nt; t++) {
                    fp[t][idx] = true;
                }
                continue;
            }
            final double[] tiou = new double[videoGts.length];
            for (int j = 0; j < videoGts.length; j++) {
                final GroundTruthSegment g = gts.get(videoGts[j]);
                tiou[j] = TemporalIou.activityNet(p.startSeconds(), p.endSeconds(), g.startSeconds(),
                        g.endSeconds());
            }
            final int[] byTiou = NumpyOrder.descending(tiou, rule);
            for (int t = 0; t < nt; t++) {
                final double thr = thresholds.get(t);
                for (final int jdx : byTiou) {
                    if (tiou[jdx] < thr) {
                        fp[t][idx] = true;
                        break;
                    }
                    final int g = videoGts[jdx];
                    if (lock[t][g] >= 0) {
                        continue;
                    }
                    tp[t][idx] = true;
                    lock[t][g] = idx;
                    break;
                }
                if (!fp[t][idx] && !tp[t][idx]) {
                    fp[t][idx] = true;
                }
            }
        }
        for (int t = 0; t < nt; t++) {
            final double[] precision = new double[np];
            final double[] recall = new double[np];
            double tpSum = 0;
            double fpSum = 0;
            for (int i = 0; i < np; i++) {
                tpSum += tp[t][i] ? 1 : 0;
                fpSum += fp[t][i] ? 1 : 0;
                recall[i] = tpSum / npos;
                precision[i] = tpSum / (tpSum + fpSum);
            }
            ap[t] = AveragePrecision.interpolated(precision, recall);
        }
        return ap;
    }

    /** Ground-truth indices per video, each list in file order. */
    static Map<String, int[]> indexByVideo(final List<GroundTruthSegment> gts) {
        final Map<String, List<Integer>> lists = new LinkedHashMap<>();
        for (int i = 0; i < gts.size(); i++) {
            lists.computeIfAbsent(gts.get(i).videoId(), v -> new ArrayList<>()).add(i);
        }
        final Map<String, int[]> out = new LinkedHashMap<>();
        lists.forEach((v, l) -> out.put(v, l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }
}
