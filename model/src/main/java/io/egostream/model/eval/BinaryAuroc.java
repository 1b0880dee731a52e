package io.egostream.model.eval;

/**
 * Area under the ROC curve with torchmetrics 1.4.2 {@code BinaryAUROC()} semantics: when any score is
 * outside [0, 1] every score goes through a float32 sigmoid first (which can merge very large logits into
 * ties at 1.0); the curve has one point per distinct score (ties share a point, i.e. count half), starts
 * at (0, 0), and the area is the trapezoidal rule. Without negatives the false-positive rate is all 0, and
 * without positives the true-positive rate is all 0 (area 0, as torchmetrics returns with a warning).
 */
public final class BinaryAuroc {

    private BinaryAuroc() {
    }

    /**
     * The AUROC.
     *
     * @param scores logits or probabilities {@code [N]} (float32, as model outputs)
     * @param labels 0 or 1 {@code [N]}
     * @return the area, in [0, 1]
     */
    public static double compute(final float[] scores, final int[] labels) {
        if (scores.length != labels.length || scores.length == 0) {
            throw new IllegalArgumentException("AUROC needs as many scores as labels, at least one; got "
                    + scores.length + " and " + labels.length);
        }
        boolean inUnit = true;
        for (int i = 0; i < scores.length; i++) {
            inUnit &= scores[i] >= 0f && scores[i] <= 1f;
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("AUROC label " + i + " must be 0 or 1, got " + labels[i]);
            }
        }
        final double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = inUnit ? scores[i] : sigmoid(scores[i]);
        }
        final int[] order = NumpyOrder.descending(p, TieRule.EARLIER_FIRST);
        final int n = p.length;
        final double[] tps = new double[n + 1];
        final double[] fps = new double[n + 1];
        int points = 1;
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < n; i++) {
            if (labels[order[i]] == 1) {
                tp++;
            } else {
                fp++;
            }
            if (i == n - 1 || p[order[i + 1]] != p[order[i]]) {
                tps[points] = tp;
                fps[points] = fp;
                points++;
            }
        }
        double area = 0;
        for (int i = 1; i < points; i++) {
            final double x0 = fp > 0 ? fps[i - 1] / fp : 0;
            final double x1 = fp > 0 ? fps[i] / fp : 0;
            final double y0 = tp > 0 ? tps[i - 1] / tp : 0;
            final double y1 = tp > 0 ? tps[i] / tp : 0;
            area += (x1 - x0) * (y1 + y0) / 2;
        }
        return area;
    }

    /** {@code torch.sigmoid} on a float32 tensor: {@code 1 / (1 + exp(-x))} rounded to float32. */
    static float sigmoid(final float x) {
        return (float) (1.0 / (1.0 + Math.exp(-(double) x)));
    }
}
