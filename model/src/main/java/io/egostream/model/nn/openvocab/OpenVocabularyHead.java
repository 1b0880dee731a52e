package io.egostream.model.nn.openvocab;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import io.egostream.model.nn.Scalars;

/**
 * The forward of the open-vocabulary head. With {@code x} the standardised feature ({@code (f - mean) *
 * scale}), {@code v = normalise(W x + b)} its projection into the text space, {@code t_c} the unit text
 * embedding of class c's prompt and, when the head has an adapter, {@code a = W2 relu(W0 x + b0) + b2}
 * the instance's conditioning vector:
 * <pre>
 * t_c' = (t_c + a) / |t_c + a|              (class embedding adapted to the instance; a = 0 without adapter)
 * logit_c = cos(v, t_c') / T,  T = exp(-logit_scale), at least {@value OpenVocabularyConfig#MIN_TEMPERATURE}
 * </pre>
 * computed for all classes at once from {@code v.t_c}, {@code a.t_c}, {@code v.a} and {@code |a|}, without
 * materialising {@code [N, C, E]}.
 *
 * @param config the head's shape
 * @param arrays the arrays by name (see {@link OpenVocabularyParameters})
 */
public record OpenVocabularyHead(OpenVocabularyConfig config, Map<String, NDArray> arrays) {

    private static final float EPS = 1e-6f;

    /** Checks that the arrays fit the configuration. */
    public OpenVocabularyHead {
        OpenVocabularyParameters.check(config, arrays, "open-vocabulary head");
        arrays = Map.copyOf(arrays);
    }

    /**
     * Class logits.
     *
     * @param features video features {@code [N, D]}
     * @param classEmbeddings text embeddings of the C class prompts {@code [C, E]} (normalised here)
     * @return {@code [N, C]}: cosine / temperature
     * @throws IllegalArgumentException when a shape does not fit the head
     */
    public NDArray logits(final NDArray features, final NDArray classEmbeddings) {
        return cosines(features, classEmbeddings).mul(logitScale());
    }

    /**
     * Cosines between the projected features and the (adapted) class embeddings.
     *
     * @param features {@code [N, D]}
     * @param classEmbeddings {@code [C, E]}
     * @return {@code [N, C]}, in [-1, 1]
     */
    public NDArray cosines(final NDArray features, final NDArray classEmbeddings) {
        checkShapes(features, classEmbeddings);
        final NDArray x = standardise(features);
        final NDArray v = unit(x.matMul(array(OpenVocabularyParameters.PROJ_WEIGHT).transpose())
                .add(array(OpenVocabularyParameters.PROJ_BIAS)));
        final NDArray t = unit(classEmbeddings);
        final NDArray vt = v.matMul(t.transpose());
        if (!config.hasAdapter()) {
            return vt;
        }
        final NDArray a = adapter(x);
        final NDArray va = v.mul(a).sum(new int[] {1}, true);
        final NDArray aa = a.mul(a).sum(new int[] {1}, true);
        final NDArray at = a.matMul(t.transpose());
        final NDArray norm = at.mul(Scalars.of(at, 2f)).add(aa).add(1f).maximum(Scalars.of(at, EPS)).sqrt();
        return vt.add(va).div(norm);
    }

    /**
     * The instance-conditioning vectors.
     *
     * @param features {@code [N, D]}
     * @return {@code [N, E]}; zeros when the head has no adapter
     */
    public NDArray conditioning(final NDArray features) {
        final NDArray x = standardise(features);
        if (!config.hasAdapter()) {
            return x.getManager().zeros(new Shape(features.getShape().get(0), config.textDim()));
        }
        return adapter(x);
    }

    /**
     * The multiplier of the cosines.
     *
     * @return 1 / temperature, as a scalar array of shape [1] (differentiable)
     */
    public NDArray logitScale() {
        final NDArray raw = array(OpenVocabularyParameters.LOGIT_SCALE);
        return raw.minimum(Scalars.of(raw, (float) Math.log(1.0 / OpenVocabularyConfig.MIN_TEMPERATURE))).exp();
    }

    /**
     * The current temperature.
     *
     * @return T = 1 / {@link #logitScale()}
     */
    public double temperature() {
        return 1.0 / logitScale().getFloat(0);
    }

    private NDArray adapter(final NDArray x) {
        final NDArray preActivation = x.matMul(array(OpenVocabularyParameters.ADAPTER_IN_WEIGHT).transpose())
                .add(array(OpenVocabularyParameters.ADAPTER_IN_BIAS));
        final NDArray hidden = Activation.relu(preActivation);
        return hidden.matMul(array(OpenVocabularyParameters.ADAPTER_OUT_WEIGHT).transpose())
                .add(array(OpenVocabularyParameters.ADAPTER_OUT_BIAS));
    }

    private NDArray standardise(final NDArray features) {
        return features.sub(array(OpenVocabularyParameters.INPUT_MEAN)).mul(array(OpenVocabularyParameters.INPUT_SCALE));
    }

    private static NDArray unit(final NDArray rows) {
        return rows.div(rows.mul(rows).sum(new int[] {1}, true).add(EPS * EPS).sqrt());
    }

    private NDArray array(final String name) {
        return arrays.get(name);
    }

    private void checkShapes(final NDArray features, final NDArray classEmbeddings) {
        final Shape f = features.getShape();
        final Shape c = classEmbeddings.getShape();
        if (f.dimension() != 2 || f.get(1) != config.featureDim()) {
            throw new IllegalArgumentException("features must be [N, " + config.featureDim() + "], got " + f);
        }
        if (c.dimension() != 2 || c.get(1) != config.textDim() || c.get(0) < 1) {
            throw new IllegalArgumentException("class embeddings must be [C >= 1, " + config.textDim() + "], got " + c);
        }
    }
}
