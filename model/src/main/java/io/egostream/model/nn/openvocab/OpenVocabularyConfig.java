package io.egostream.model.nn.openvocab;

/**
 * The shape of an open-vocabulary head.
 *
 * @param featureDim D, the width of the video features it reads, 1..65536
 * @param textDim E, the width of the text embeddings (384 for all-MiniLM-L6-v2), 1..65536
 * @param adapterHidden H, the hidden width of the instance-conditioning adapter, 0..65536; 0 = no adapter
 *     (text-only zero-shot head: the class embeddings are used as they are)
 * @param prompt the template class names are written into before embedding
 * @param initialTemperature the temperature the learned one starts from, in (0, 1] (CLIP: 0.07)
 */
public record OpenVocabularyConfig(int featureDim, int textDim, int adapterHidden, PromptTemplate prompt,
        double initialTemperature) {

    /** The smallest temperature the head uses: logits are at most 100 times the cosine, as in CLIP. */
    public static final double MIN_TEMPERATURE = 0.01;

    /** Validates every field. */
    public OpenVocabularyConfig {
        if (featureDim < 1 || featureDim > 65_536) {
            throw new IllegalArgumentException("feature dimension must be in [1, 65536], got " + featureDim);
        }
        if (textDim < 1 || textDim > 65_536) {
            throw new IllegalArgumentException("text dimension must be in [1, 65536], got " + textDim);
        }
        if (adapterHidden < 0 || adapterHidden > 65_536) {
            throw new IllegalArgumentException("adapter hidden width must be in [0, 65536], got " + adapterHidden);
        }
        if (prompt == null) {
            throw new IllegalArgumentException("an open-vocabulary head needs a prompt template");
        }
        if (!(initialTemperature >= MIN_TEMPERATURE && initialTemperature <= 1)) {
            throw new IllegalArgumentException("initial temperature must be in [" + MIN_TEMPERATURE + ", 1], got "
                    + initialTemperature);
        }
    }

    /**
     * Whether the head conditions the class embeddings on the video instance.
     *
     * @return adapterHidden &gt; 0
     */
    public boolean hasAdapter() {
        return adapterHidden > 0;
    }

    /**
     * The same head without the adapter (the text-only zero-shot baseline).
     *
     * @return a config with adapterHidden 0
     */
    public OpenVocabularyConfig withoutAdapter() {
        return new OpenVocabularyConfig(featureDim, textDim, 0, prompt, initialTemperature);
    }
}
