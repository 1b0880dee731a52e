package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AR outputs, one row per segment.
 *
 * @param verbLogits {@code [M, verbs]}
 * @param nounLogits {@code [M, nouns]}
 * @param features aligned (and, with EgoPack, fused) features {@code [M, F]}
 */
public record ArOutput(NDArray verbLogits, NDArray nounLogits, NDArray features) {

    /** @return the outputs by their reference names {@code verb_logits, noun_logits, features} */
    public Map<String, NDArray> named() {
        final Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("verb_logits", verbLogits);
        m.put("noun_logits", nounLogits);
        m.put("features", features);
        return m;
    }
}
