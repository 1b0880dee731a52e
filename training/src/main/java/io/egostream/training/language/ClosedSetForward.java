package io.egostream.training.language;

import ai.djl.ndarray.NDArray;
import io.egostream.model.nn.openvocab.OpenVocabularyParameters;
import java.util.Map;

/** The closed-set baseline: a linear classifier over the standardised feature. */
final class ClosedSetForward {

    private ClosedSetForward() {}

    /**
     * @param arrays input statistics ({@link OpenVocabularyParameters#INPUT_MEAN}, {@code INPUT_SCALE}) and the
     *     classifier ({@link TrainedHead#CLASSIFIER_WEIGHT} {@code [C, D]}, {@link TrainedHead#CLASSIFIER_BIAS})
     * @param features {@code [N, D]}
     * @return logits {@code [N, C]}
     */
    static NDArray logits(final Map<String, NDArray> arrays, final NDArray features) {
        final NDArray x = features.sub(arrays.get(OpenVocabularyParameters.INPUT_MEAN))
                .mul(arrays.get(OpenVocabularyParameters.INPUT_SCALE));
        return x.matMul(arrays.get(TrainedHead.CLASSIFIER_WEIGHT).transpose())
                .add(arrays.get(TrainedHead.CLASSIFIER_BIAS));
    }
}
