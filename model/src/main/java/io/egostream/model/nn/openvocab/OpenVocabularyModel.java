package io.egostream.model.nn.openvocab;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * A trained open-vocabulary head with what it was trained on.
 *
 * @param modelId the model's id, e.g. {@code open-vocab-verb}; not blank
 * @param textEncoder the sentence encoder its class embeddings must come from, e.g. {@code all-MiniLM-L6-v2}
 * @param target what its labels name when trained: {@code verb}, {@code noun} or {@code action}
 * @param trainedLabels the labels it was trained on (any other label set may be used at inference)
 * @param head the head (configuration and arrays)
 */
public record OpenVocabularyModel(String modelId, String textEncoder, String target, List<String> trainedLabels,
        OpenVocabularyHead head) {

    /** Validates the fields and copies the label list. */
    public OpenVocabularyModel {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("open-vocabulary model id must not be blank");
        }
        if (textEncoder == null || textEncoder.isBlank()) {
            throw new IllegalArgumentException("open-vocabulary model " + modelId + " must name its text encoder");
        }
        if (target == null || !target.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("target of open-vocabulary model " + modelId
                    + " must be lower-case letters and underscores, got '" + target + "'");
        }
        trainedLabels = List.copyOf(trainedLabels);
        if (head == null) {
            throw new IllegalArgumentException("open-vocabulary model " + modelId + " has no head");
        }
    }

    /**
     * The head's configuration.
     *
     * @return the configuration
     */
    public OpenVocabularyConfig config() {
        return head.config();
    }

    /**
     * The head's arrays.
     *
     * @return name -&gt; array
     */
    public Map<String, NDArray> arrays() {
        return head.arrays();
    }
}
