package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MQ outputs for every node of every level, level-major as {@link BackboneOutput#graphsX()}.
 *
 * @param clsLogits {@code [sum N_d, C]}
 * @param regPreds (left, right) offsets {@code >= 0} in units of the node's extent seconds, already
 *     multiplied by {@code scales[depth]}, {@code [sum N_d, 2]}
 */
public record MqOutput(NDArray clsLogits, NDArray regPreds) {

    /** @return the outputs by their reference names {@code cls_logits, reg_preds} */
    public Map<String, NDArray> named() {
        final Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("cls_logits", clsLogits);
        m.put("reg_preds", regPreds);
        return m;
    }
}
