package io.egostream.model.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ActionFormer's {@code compute_topkx_recall_detection} for one class: in each video with {@code n} ground
 * truths of the class, take its top {@code k * n} predictions of the class by score; a ground truth is
 * recalled when <em>any</em> of them has {@code tIoU >= t} (no one-to-one matching). Recall is the number
 * recalled over all ground truths of the class; a class without predictions scores 0.
 */
final class TopKxRecall {

    private TopKxRecall() {
    }

    /**
     * Recall of one class.
     *
     * @param gts the class's ground truth, file order
     * @param preds the class's predictions, file order
     * @param thresholds the tIoU thresholds
     * @param ks the multipliers k, each &gt;= 1
     * @param rule order of equal scores
     * @return recall {@code [T][K]}
     */
    static double[][] compute(final List<GroundTruthSegment> gts, final List<PredictedSegment> preds,
            final TiouThresholds thresholds, final int[] ks, final TieRule rule) {
        final int nt = thresholds.size();
        final double[][] recall = new double[nt][ks.length];
        if (preds.isEmpty()) {
            return recall;
        }
        final Map<String, List<PredictedSegment>> predByVideo = new HashMap<>();
        for (final PredictedSegment p : preds) {
            predByVideo.computeIfAbsent(p.videoId(), v -> new ArrayList<>()).add(p);
        }
        int maxK = 0;
        for (final int k : ks) {
            maxK = Math.max(maxK, k);
        }
        final double[][] hits = new double[nt][ks.length];
        for (final int[] videoGts : ClassDetectionAp.indexByVideo(gts).values()) {
            final List<PredictedSegment> vp = predByVideo.get(gts.get(videoGts[0]).videoId());
            if (vp == null) {
                continue;
            }
            final int n = videoGts.length;
            final double[] scores = new double[vp.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = vp.get(i).score();
            }
            final int[] order = NumpyOrder.descending(scores, rule);
            final int top = Math.min(order.length, maxK * n);
            final double[][] tiou = new double[top][n];
            for (int r = 0; r < top; r++) {
                final PredictedSegment p = vp.get(order[r]);
                for (int j = 0; j < n; j++) {
                    final GroundTruthSegment g = gts.get(videoGts[j]);
                    tiou[r][j] = TemporalIou.activityNet(p.startSeconds(), p.endSeconds(), g.startSeconds(),
                            g.endSeconds());
                }
            }
            for (int t = 0; t < nt; t++) {
                for (int ki = 0; ki < ks.length; ki++) {
                    final int rows = Math.min(top, ks[ki] * n);
                    int recalled = 0;
                    for (int j = 0; j < n; j++) {
                        for (int r = 0; r < rows; r++) {
                            if (tiou[r][j] >= thresholds.get(t)) {
                                recalled++;
                                break;
                            }
                        }
                    }
                    hits[t][ki] += recalled;
                }
            }
        }
        for (int t = 0; t < nt; t++) {
            for (int ki = 0; ki < ks.length; ki++) {
                recall[t][ki] = hits[t][ki] / gts.size();
            }
        }
        return recall;
    }
}
