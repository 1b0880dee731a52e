package io.egostream.model.eval;

/**
 * Ego4D moment-retrieval recall.
 *
 * @param tiou the thresholds {@code [T]} (0.3, 0.5, 0.7)
 * @param ranks the ranks {@code [R]} (1 to 5)
 * @param recall recall per threshold and rank {@code [T][R]}, pooled over every ground-truth instance
 * @param groundTruthCount the number of ground-truth instances pooled
 */
public record RetrievalReport(double[] tiou, int[] ranks, double[][] recall, int groundTruthCount) {
}
