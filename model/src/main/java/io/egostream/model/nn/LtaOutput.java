package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LTA outputs: K future steps per clip, clip-major (row {@code v*K + k} is step k of clip v).
 *
 * @param verbLogits {@code [V*K, verbs]}
 * @param nounLogits {@code [V*K, nouns]}
 * @param features features after the two-TDGC head {@code [V*K, F]}
 */
public record LtaOutput(NDArray verbLogits, NDArray nounLogits, NDArray features) {

    /** @return the outputs by their reference names {@code verb_logits, noun_logits, features} */
    public Map<String, NDArray> named() {
        final Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("verb_logits", verbLogits);
        m.put("noun_logits", nounLogits);
        m.put("features", features);
        return m;
    }
}
