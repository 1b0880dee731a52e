package io.egostream.training.language;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import io.egostream.model.nn.Scalars;

/**
 * The teacher's network. With {@code e} the unit text embedding of the observed actions ({@code [E]}), {@code z}
 * the future step (one-hot), {@code t_c} the unit embedding of class c's name:
 * <pre>
 * h   = relu(W e + b + P z)                    hidden [H]; P [H, Z] the step embeddings
 * q_v = normalise(V h + b_v), q_n = normalise(N h + b_n)      predicted verb and noun embeddings [E]
 * logit_c = cos(q, t_c) / T                    for the verbs (q_v) or the nouns (q_n) of any vocabulary
 * </pre>
 * Predicting into the text space lets one teacher learn from datasets with different vocabularies.
 */
final class TextTeacherNetwork {

    static final String STEP_EMBEDDING = "step_embedding";
    static final String FC_WEIGHT = "fc.weight";
    static final String FC_BIAS = "fc.bias";
    static final String VERB_WEIGHT = "verb_query.weight";
    static final String VERB_BIAS = "verb_query.bias";
    static final String NOUN_WEIGHT = "noun_query.weight";
    static final String NOUN_BIAS = "noun_query.bias";
    static final String LOGIT_SCALE = "logit_scale";

    private static final float EPS = 1e-6f;
    private static final float MAX_LOGIT_SCALE = (float) Math.log(100);

    private TextTeacherNetwork() {}

    /** Fresh seeded arrays (PyTorch's default Linear initialisation; step embeddings uniform in +-0.1). */
    static Map<String, NDArray> initialize(final TextTeacherConfig c, final NDManager manager, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final Map<String, NDArray> a = new LinkedHashMap<>();
        a.put(STEP_EMBEDDING, uniform(manager, new Shape(c.steps(), c.hidden()), 0.1, r));
        a.put(FC_WEIGHT, uniform(manager, new Shape(c.hidden(), c.textDim()), 1 / Math.sqrt(c.textDim()), r));
        a.put(FC_BIAS, uniform(manager, new Shape(c.hidden()), 1 / Math.sqrt(c.textDim()), r));
        a.put(VERB_WEIGHT, uniform(manager, new Shape(c.textDim(), c.hidden()), 1 / Math.sqrt(c.hidden()), r));
        a.put(VERB_BIAS, uniform(manager, new Shape(c.textDim()), 1 / Math.sqrt(c.hidden()), r));
        a.put(NOUN_WEIGHT, uniform(manager, new Shape(c.textDim(), c.hidden()), 1 / Math.sqrt(c.hidden()), r));
        a.put(NOUN_BIAS, uniform(manager, new Shape(c.textDim()), 1 / Math.sqrt(c.hidden()), r));
        a.put(LOGIT_SCALE, manager.create(new float[] {(float) Math.log(1 / c.initialTemperature())}));
        return a;
    }

    /**
     * Logits of one kind of class.
     *
     * @param a the arrays
     * @param observed {@code [N, E]} embeddings of the observed actions' text
     * @param steps {@code [N, Z]} one-hot future steps
     * @param classes {@code [C, E]} class-name embeddings
     * @param verbs true for the verb query, false for the noun query
     * @return {@code [N, C]}
     */
    static NDArray logits(final Map<String, NDArray> a, final NDArray observed, final NDArray steps,
            final NDArray classes, final boolean verbs) {
        final NDArray pre = observed.matMul(a.get(FC_WEIGHT).transpose()).add(a.get(FC_BIAS))
                .add(steps.matMul(a.get(STEP_EMBEDDING)));
        final NDArray h = Activation.relu(pre);
        final NDArray q = unit(h.matMul(a.get(verbs ? VERB_WEIGHT : NOUN_WEIGHT).transpose())
                .add(a.get(verbs ? VERB_BIAS : NOUN_BIAS)));
        final NDArray scale = a.get(LOGIT_SCALE).minimum(Scalars.of(a.get(LOGIT_SCALE), MAX_LOGIT_SCALE)).exp();
        return q.matMul(unit(classes).transpose()).mul(scale);
    }

    private static NDArray unit(final NDArray rows) {
        return rows.div(rows.mul(rows).sum(new int[] {1}, true).add(EPS * EPS).sqrt());
    }

    private static NDArray uniform(final NDManager m, final Shape shape, final double bound, final SplittableRandom r) {
        final float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
        }
        return m.create(v, shape);
    }
}
