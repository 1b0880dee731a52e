package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final int IGNORE = ClassificationMetrics.IGNORE_LABEL;

    @Test
    void topKCountsLabelsAmongTheKBestWithLowerIndexWinningTies() {
        final double[][] logits = {{0.1, 0.5, 0.4}, {0.3, 0.3, 0.2}, {1, 2, 3}, {9, 0, 0}};
        final int[] labels = {2, 1, 0, IGNORE};
        // top-1: argmax 1, 0 (tie goes to class 0), 2: none right
        assertEquals(0.0, ClassificationMetrics.topKAccuracy(logits, labels, 1, IGNORE));
        // top-2: {1, 2}, {0, 1}, {2, 1}
        assertEquals(2.0 / 3, ClassificationMetrics.topKAccuracy(logits, labels, 2, IGNORE));
        assertEquals(1.0, ClassificationMetrics.topKAccuracy(logits, labels, 3, IGNORE));
        assertEquals(0.0, ClassificationMetrics.topKAccuracy(new double[][] {{1, 2}}, new int[] {IGNORE}, 1,
                IGNORE));
    }

    @Test
    void macroApAveragesStepApOverClassesWithPositives() {
        final double[][] probs = {{0.9, 0.5, 0.0}, {0.6, 0.4, 0.0}, {0.2, 0.8, 0.0}, {0.7, 0.7, 0.7}};
        final int[] labels = {0, 1, 1, IGNORE};
        // class 0: T F F -> AP 1; class 1 ranked 0.8 T, 0.5 F, 0.4 T -> 0.5 * 1 + 0.5 * 2/3; class 2: no positive
        final double[] ap = ClassificationMetrics.averagePrecisionPerClass(probs, labels, IGNORE);
        assertEquals(1.0, ap[0]);
        assertEquals(0.5 + 0.5 * 2.0 / 3, ap[1], 1e-15);
        assertEquals(Double.NaN, ap[2]);
        assertEquals((1.0 + 0.5 + 0.5 * 2.0 / 3) / 2, ClassificationMetrics.macroAveragePrecision(probs, labels,
                IGNORE), 1e-15);
    }

    @Test
    void tiedScoresShareOneThreshold() {
        final double[][] probs = {{0.5, 0.5}, {0.5, 0.5}};
        // class 0: one threshold with 1 TP and 1 FP: precision 0.5, recall 1
        assertEquals(0.5, ClassificationMetrics.averagePrecisionPerClass(probs, new int[] {0, 1}, IGNORE)[0]);
        assertEquals(0.5, ClassificationMetrics.averagePrecisionPerClass(probs, new int[] {1, 0}, IGNORE)[0]);
    }

    @Test
    void logitsOutsideTheUnitIntervalGoThroughSoftmaxWhichCanReorderSamples() {
        // raw class-0 scores rank sample 0 first; after softmax sample 1 (0.731) beats sample 0 (0.525)
        final double[][] logits = {{3, 2.9}, {1, 0}};
        final double[] ap = ClassificationMetrics.averagePrecisionPerClass(logits, new int[] {0, 1}, IGNORE);
        assertArrayEquals(new double[] {0.5, 0.5}, ap);
    }

    @Test
    void allLabelsZeroSetsRecallToOneForEveryClass() {
        final double[][] probs = {{0.9, 0.2}, {0.4, 0.7}};
        final double[] ap = ClassificationMetrics.averagePrecisionPerClass(probs, new int[] {0, 0}, IGNORE);
        assertArrayEquals(new double[] {1.0, 0.0}, ap);
        assertEquals(0.5, ClassificationMetrics.macroAveragePrecision(probs, new int[] {0, 0}, IGNORE));
    }

    @Test
    void badShapesAndLabelsAreRejected() {
        assertEquals("label 3 of sample 0 is not in [0, 2) nor the ignored label -1",
                assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.topKAccuracy(
                        new double[][] {{1, 2}}, new int[] {3}, 1, IGNORE)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.topKAccuracy(
                new double[][] {{1, 2}}, new int[] {1}, 3, IGNORE));
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.macroAveragePrecision(
                new double[][] {{1, 2}, {1}}, new int[] {1, 0}, IGNORE));
    }
}
