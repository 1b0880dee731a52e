package io.egostream.training.language;

import io.egostream.model.eval.ClassificationMetrics;

/**
 * Top-1 and top-5 accuracy of one head on one evaluation set, next to chance.
 *
 * @param top1 fraction of examples whose label scores highest
 * @param top5 fraction whose label is among the 5 highest (among all classes when there are fewer)
 */
public record Accuracy(double top1, double top5) {

    /**
     * Measures logits against labels.
     *
     * @param logits {@code [N][C]}
     * @param labels {@code [N]} in {@code [0, C)}
     * @return the accuracies (ties: lower class index first)
     */
    public static Accuracy of(final double[][] logits, final int[] labels) {
        final int classes = logits.length == 0 ? 1 : logits[0].length;
        return new Accuracy(ClassificationMetrics.topKAccuracy(logits, labels, 1, -1),
                ClassificationMetrics.topKAccuracy(logits, labels, Math.min(5, classes), -1));
    }

    /**
     * Uniform chance over C classes.
     *
     * @param classes C
     * @return 1/C and min(5, C)/C
     */
    public static Accuracy chance(final int classes) {
        return new Accuracy(1.0 / classes, Math.min(5, classes) / (double) classes);
    }
}
