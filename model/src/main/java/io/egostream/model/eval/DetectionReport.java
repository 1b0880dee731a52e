package io.egostream.model.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a detection evaluation. Arrays are indexed like {@link #tiou()}.
 *
 * @param tiou the thresholds {@code [T]}
 * @param meanAp mAP per threshold, the mean over the ground-truth classes {@code [T]}
 * @param averageMeanAp the mean of {@code meanAp}
 * @param apPerClass AP per threshold {@code [T]} of each ground-truth class, classes in sorted order
 * @param recall for each k of Recall@kx, the class-averaged recall per threshold {@code [T]}
 * @param groundTruthCount the number of ground-truth segments evaluated (after de-duplication)
 */
public record DetectionReport(double[] tiou, double[] meanAp, double averageMeanAp,
        Map<String, double[]> apPerClass, Map<Integer, double[]> recall, int groundTruthCount) {

    /** Copies the maps, keeping their order. */
    public DetectionReport {
        apPerClass = Collections.unmodifiableMap(new LinkedHashMap<>(apPerClass));
        recall = Collections.unmodifiableMap(new LinkedHashMap<>(recall));
    }
}
