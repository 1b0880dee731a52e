package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OSCC outputs, one row per segment.
 *
 * @param logits {@code [M, 2]} (no change, change)
 * @param features aligned (and, with EgoPack, fused) features {@code [M, F]}
 */
public record OsccOutput(NDArray logits, NDArray features) {

    /** @return the outputs by their reference names {@code logits, features} */
    public Map<String, NDArray> named() {
        final Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("logits", logits);
        m.put("features", features);
        return m;
    }
}
