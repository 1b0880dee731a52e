package io.egostream.model.eval;

/**
 * Action-recognition metrics with the semantics of torchmetrics 1.4.2 (the version Hier-EgoPack pins):
 * {@code MulticlassAccuracy(top_k=k, average="micro", ignore_index=-1)} and
 * {@code MulticlassAveragePrecision(average="macro", ignore_index=-1)}, computed in double over all
 * samples at once (torchmetrics works in float32 and decides per batch whether to apply softmax).
 */
public final class ClassificationMetrics {

    /** The label Hier-EgoPack ignores (samples without a label). */
    public static final int IGNORE_LABEL = -1;

    private ClassificationMetrics() {
    }

    /**
     * Top-k micro accuracy: the fraction of samples (those labelled {@code ignoreLabel} skipped) whose label
     * is among the k highest logits. Of equal logits the lower class index ranks higher (as argmax for
     * {@code k = 1}; torchmetrics leaves ties unspecified for {@code k > 1}).
     *
     * @param logits scores {@code [N][C]}, any real values (a monotone transform does not change the result)
     * @param labels labels {@code [N]}, each in [0, C) or equal to {@code ignoreLabel}
     * @param k how many top classes count, in [1, C]
     * @param ignoreLabel the label of samples to skip
     * @return the accuracy in [0, 1]; 0 when every sample is skipped
     * @throws IllegalArgumentException on shape mismatch, a label out of range or k out of range
     */
    public static double topKAccuracy(final double[][] logits, final int[] labels, final int k,
            final int ignoreLabel) {
        final int c = checkShapes(logits, labels, ignoreLabel);
        if (k < 1 || k > c) {
            throw new IllegalArgumentException("top-k needs k in [1, " + c + "], got " + k);
        }
        long counted = 0;
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == ignoreLabel) {
                continue;
            }
            counted++;
            final double[] row = logits[i];
            final int y = labels[i];
            int rank = 0;
            for (int j = 0; j < c && rank < k; j++) {
                if (row[j] > row[y] || (row[j] == row[y] && j < y)) {
                    rank++;
                }
            }
            correct += rank < k ? 1 : 0;
        }
        return counted == 0 ? 0.0 : (double) correct / counted;
    }

    /**
     * Macro average precision over classes, torchmetrics 1.4.2 semantics. Skip samples labelled
     * {@code ignoreLabel}; when any remaining value is outside [0, 1], apply softmax per sample. For each
     * class, AP = sum over distinct score thresholds, highest first, of {@code (recall_k - recall_{k-1}) *
     * precision_k} (no interpolation). A class without positive samples has AP NaN and is left out of the
     * mean (torchmetrics 1.8.2 and later count it as 0). Quirk kept: when every remaining label is 0, torchmetrics sets recall to 1 for every class, so
     * each class's AP becomes its precision at its top threshold.
     *
     * @param logits scores {@code [N][C]} (logits or probabilities)
     * @param labels labels {@code [N]}, each in [0, C) or equal to {@code ignoreLabel}
     * @param ignoreLabel the label of samples to skip
     * @return the mean AP over the classes with positives; NaN when there are none
     * @throws IllegalArgumentException on shape mismatch or a label out of range
     */
    public static double macroAveragePrecision(final double[][] logits, final int[] labels, final int ignoreLabel) {
        final double[] ap = averagePrecisionPerClass(logits, labels, ignoreLabel);
        double sum = 0;
        int n = 0;
        for (final double v : ap) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The per-class AP of {@link #macroAveragePrecision}.
     *
     * @param logits scores {@code [N][C]}
     * @param labels labels {@code [N]}
     * @param ignoreLabel the label of samples to skip
     * @return AP per class {@code [C]}, NaN for a class without positives
     */
    public static double[] averagePrecisionPerClass(final double[][] logits, final int[] labels,
            final int ignoreLabel) {
        final int c = checkShapes(logits, labels, ignoreLabel);
        int n = 0;
        for (final int y : labels) {
            n += y == ignoreLabel ? 0 : 1;
        }
        final double[][] p = new double[n][];
        final int[] y = new int[n];
        boolean inUnit = true;
        boolean allZero = true;
        int r = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == ignoreLabel) {
                continue;
            }
            p[r] = logits[i];
            y[r] = labels[i];
            allZero &= y[r] == 0;
            for (final double v : p[r]) {
                inUnit &= v >= 0 && v <= 1;
            }
            r++;
        }
        if (!inUnit) {
            for (int i = 0; i < n; i++) {
                p[i] = softmax(p[i]);
            }
        }
        final double[] ap = new double[c];
        for (int cls = 0; cls < c; cls++) {
            final double[] scores = new double[n];
            final boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = p[i][cls];
                positive[i] = y[i] == cls;
            }
            ap[cls] = stepAveragePrecision(scores, positive, allZero);
        }
        return ap;
    }

    /** torchmetrics {@code _binary_clf_curve} + {@code _reduce_average_precision} for one class. */
    private static double stepAveragePrecision(final double[] scores, final boolean[] positive,
            final boolean recallIsOne) {
        final int n = scores.length;
        if (n == 0) {
            return Double.NaN;
        }
        final int[] order = NumpyOrder.descending(scores, TieRule.EARLIER_FIRST);
        final double[] tps = new double[n];
        final double[] fps = new double[n];
        int groups = 0;
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < n; i++) {
            if (positive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            final boolean lastOfValue = i == n - 1 || scores[order[i + 1]] != scores[order[i]];
            if (lastOfValue) {
                tps[groups] = tp;
                fps[groups] = fp;
                groups++;
            }
        }
        double ap = 0;
        double previousRecall = 0;
        for (int g = 0; g < groups; g++) {
            final double precision = tps[g] / (tps[g] + fps[g]);
            final double recall = recallIsOne ? 1.0 : tps[g] / tp;
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        return ap;
    }

    private static double[] softmax(final double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (final double v : row) {
            max = Math.max(max, v);
        }
        final double[] out = new double[row.length];
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            out[j] = Math.exp(row[j] - max);
            sum += out[j];
        }
        for (int j = 0; j < row.length; j++) {
            out[j] /= sum;
        }
        return out;
    }

    /** Checks {@code [N][C]} against {@code [N]} labels and returns C. */
    static int checkShapes(final double[][] logits, final int[] labels, final int ignoreLabel) {
        if (logits.length != labels.length) {
            throw new IllegalArgumentException("logits have " + logits.length + " rows but there are "
                    + labels.length + " labels");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("at least one sample is needed");
        }
        final int c = logits[0].length;
        if (c == 0) {
            throw new IllegalArgumentException("logits must have at least one class");
        }
        for (int i = 0; i < logits.length; i++) {
            if (logits[i].length != c) {
                throw new IllegalArgumentException("logits row " + i + " has " + logits[i].length
                        + " classes, row 0 has " + c);
            }
            if (labels[i] != ignoreLabel && (labels[i] < 0 || labels[i] >= c)) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is not in [0, " + c
                        + ") nor the ignored label " + ignoreLabel);
            }
        }
        return c;
    }
}
