package io.egostream.training.language;

import java.util.List;

/**
 * Examples to classify among a label set, with the prompt embeddings of that set.
 *
 * @param name what the set is, e.g. {@code epic-novel}
 * @param features {@code [N][D]}
 * @param labels {@code [N]} positions in {@code labelTexts}
 * @param labelTexts the label set, plain-English class names
 * @param classEmbeddings {@code [C][E]} embeddings of the prompts of {@code labelTexts}
 */
public record EvaluationSet(String name, float[][] features, int[] labels, List<String> labelTexts,
        float[][] classEmbeddings) {

    /** Copies the label list. */
    public EvaluationSet {
        labelTexts = List.copyOf(labelTexts);
    }

    /**
     * The fraction of the most frequent label: what always answering it scores.
     *
     * @return in [0, 1]
     */
    public double majorityRate() {
        final int[] counts = new int[labelTexts.size()];
        int best = 0;
        for (final int label : labels) {
            best = Math.max(best, ++counts[label]);
        }
        return labels.length == 0 ? 0 : best / (double) labels.length;
    }
}
