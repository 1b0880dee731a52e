package io.egostream.training.language;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.nn.openvocab.OpenVocabularyConfig;
import io.egostream.model.nn.openvocab.OpenVocabularyHead;
import io.egostream.model.nn.openvocab.OpenVocabularyModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A head after training, its arrays held in Java memory (no engine resources kept).
 *
 * @param kind which head
 * @param config the open-vocabulary configuration; null for {@link HeadKind#CLOSED_SET}
 * @param arrays name -&gt; {@code (shape, values)} of every array
 * @param epochLosses mean training loss of each epoch
 */
public record TrainedHead(HeadKind kind, OpenVocabularyConfig config, Map<String, Array> arrays,
        List<Double> epochLosses) {

    /** Closed-set head: classifier weight {@code [C, D]}. */
    public static final String CLASSIFIER_WEIGHT = "classifier.weight";
    /** Closed-set head: classifier bias {@code [C]}. */
    public static final String CLASSIFIER_BIAS = "classifier.bias";

    /**
     * One array.
     *
     * @param shape its shape
     * @param values its values, row-major
     */
    public record Array(long[] shape, float[] values) {
    }

    /** Copies the collections. */
    public TrainedHead {
        arrays = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        epochLosses = List.copyOf(epochLosses);
    }

    /**
     * Scores examples.
     *
     * @param features {@code [N][D]}
     * @param classEmbeddings {@code [C][E]} prompt embeddings of the label set; ignored by the closed-set head
     *     (it scores its training classes)
     * @return {@code [N][C]} logits
     */
    public double[][] logits(final float[][] features, final float[][] classEmbeddings) {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            final Map<String, NDArray> a = toNd(m);
            final NDArray x = Matrices.of(m, features);
            final NDArray logits;
            if (kind == HeadKind.CLOSED_SET) {
                logits = ClosedSetForward.logits(a, x);
            } else {
                logits = new OpenVocabularyHead(config, a).logits(x, Matrices.of(m, classEmbeddings));
            }
            return Matrices.toDoubles(logits);
        }
    }

    /**
     * The arrays as engine arrays.
     *
     * @param manager owns them
     * @return name -&gt; array
     */
    public Map<String, NDArray> toNd(final NDManager manager) {
        final Map<String, NDArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, manager.create(v.values(), new Shape(v.shape()))));
        return out;
    }

    /**
     * The open-vocabulary model of this head, for {@code OpenVocabularyModelDirectory.write}.
     *
     * @param manager owns the arrays
     * @param modelId the model id
     * @param textEncoder the encoder of the class embeddings
     * @param target verb or noun
     * @param trainedLabels the labels it was trained on
     * @return the model
     * @throws IllegalStateException for the closed-set head
     */
    public OpenVocabularyModel toModel(final NDManager manager, final String modelId, final String textEncoder,
            final LabelTarget target, final List<String> trainedLabels) {
        if (kind == HeadKind.CLOSED_SET) {
            throw new IllegalStateException("the closed-set head is not an open-vocabulary model");
        }
        return new OpenVocabularyModel(modelId, textEncoder, target.optionValue(), trainedLabels,
                new OpenVocabularyHead(config, toNd(manager)));
    }
}
