package io.egostream.training.language;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.egostream.model.nn.openvocab.OpenVocabularyConfig;
import io.egostream.model.nn.openvocab.OpenVocabularyHead;
import io.egostream.model.nn.openvocab.OpenVocabularyParameters;
import io.egostream.training.loss.ClassificationLosses;
import io.egostream.training.optim.Adam;
import io.egostream.training.optim.LearningRateSchedule;
import io.egostream.training.optim.ParameterGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Trains one head of the comparison with cross-entropy on DJL's PyTorch engine (CPU). Every head gets the
 * same {@link TrainingBudget}: the batch order depends only on the seed and the number of examples, so
 * compared heads see the same batches. Features are standardised with the training examples' per-dimension
 * mean and standard deviation (kept in the head as {@code input.mean} / {@code input.scale}).
 */
public final class HeadTrainer {

    private static final String ENGINE = "PyTorch";
    private static final double GRAD_CLIP = 1.0;

    private HeadTrainer() {}

    /**
     * Trains a head.
     *
     * @param kind which head
     * @param features {@code [N][D]} training features
     * @param labels {@code [N]} labels in {@code [0, C)}
     * @param classEmbeddings {@code [C][E]} prompt embeddings of the training classes; unused (may be null) for
     *     the closed-set head
     * @param classCount C
     * @param config the open-vocabulary configuration (its adapter width is used by {@link HeadKind#X_MIC}
     *     only); unused for the closed-set head
     * @param budget epochs, batches, optimiser, seed
     * @param epochDone called with the 1-based epoch after each epoch (progress)
     * @return the trained head with its loss per epoch
     * @throws IllegalArgumentException when shapes or labels do not fit
     */
    public static TrainedHead train(final HeadKind kind, final float[][] features, final int[] labels,
            final float[][] classEmbeddings, final int classCount, final OpenVocabularyConfig config,
            final TrainingBudget budget, final IntConsumer epochDone) {
        check(kind, features, labels, classEmbeddings, classCount, config);
        final OpenVocabularyConfig headConfig = kind == HeadKind.CLOSED_SET ? null
                : kind == HeadKind.TEXT_ONLY ? config.withoutAdapter() : config;
        final int n = features.length;
        final int stepsPerEpoch = (n + budget.batchSize() - 1) / budget.batchSize();
        try (NDManager root = NDManager.newBaseManager(ENGINE)) {
            final Map<String, NDArray> arrays = initialArrays(kind, headConfig, features, classCount, root,
                    budget.seed());
            final Map<String, NDArray> trainable = new LinkedHashMap<>();
            arrays.forEach((k, v) -> {
                if (OpenVocabularyParameters.isTrainable(k)) {
                    trainable.put(k, v);
                }
            });
            trainable.values().forEach(a -> a.setRequiresGradient(true));
            final Adam adam = new Adam(ParameterGroup.splitByDecay(kind.name() + "/", trainable, budget.learningRate(),
                    budget.weightDecay()), new LearningRateSchedule((long) budget.warmupEpochs() * stepsPerEpoch,
                    (long) budget.epochs() * stepsPerEpoch, 0.0), GRAD_CLIP);
            final OpenVocabularyHead head = headConfig == null ? null : new OpenVocabularyHead(headConfig, arrays);
            final NDArray classes = headConfig == null ? null : Matrices.of(root, classEmbeddings);
            final List<Double> losses = new ArrayList<>();
            for (int epoch = 0; epoch < budget.epochs(); epoch++) {
                final int[] order = order(n, budget.seed(), epoch);
                double sum = 0;
                for (int step = 0; step < stepsPerEpoch; step++) {
                    final int from = step * budget.batchSize();
                    final int[] batch = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + budget.batchSize()));
                    final long[] y = new long[batch.length];
                    for (int i = 0; i < batch.length; i++) {
                        y[i] = labels[batch[i]];
                    }
                    try (NDManager m = root.newSubManager();
                            GradientCollector gc = root.getEngine().newGradientCollector()) {
                        final NDArray x = Matrices.rows(m, features, batch);
                        final NDArray logits = head == null ? ClosedSetForward.logits(arrays, x)
                                : head.logits(x, classes);
                        final NDArray loss = ClassificationLosses.crossEntropy(logits, y).mean();
                        gc.backward(loss);
                        sum += loss.getFloat();
                    }
                    adam.step();
                }
                losses.add(sum / stepsPerEpoch);
                epochDone.accept(epoch + 1);
            }
            trainable.values().forEach(a -> a.setRequiresGradient(false));
            final Map<String, TrainedHead.Array> out = new LinkedHashMap<>();
            arrays.forEach((k, v) -> out.put(k, new TrainedHead.Array(v.getShape().getShape(), v.toFloatArray())));
            return new TrainedHead(kind, headConfig, out, losses);
        }
    }

    /** The batch order of an epoch: a seeded shuffle of {@code [0, n)}. */
    static int[] order(final int n, final long seed, final int epoch) {
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static Map<String, NDArray> initialArrays(final HeadKind kind, final OpenVocabularyConfig config,
            final float[][] features, final int classCount, final NDManager manager, final long seed) {
        final int d = features[0].length;
        final float[][] stats = standardisation(features);
        final Map<String, NDArray> arrays;
        if (kind == HeadKind.CLOSED_SET) {
            arrays = new LinkedHashMap<>();
            arrays.put(OpenVocabularyParameters.INPUT_MEAN, manager.create(stats[0]));
            arrays.put(OpenVocabularyParameters.INPUT_SCALE, manager.create(stats[1]));
            final SplittableRandom random = new SplittableRandom(seed);
            final double bound = 1.0 / Math.sqrt(d);
            final float[] w = new float[classCount * d];
            final float[] b = new float[classCount];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            arrays.put(TrainedHead.CLASSIFIER_WEIGHT, manager.create(w, new Shape(classCount, d)));
            arrays.put(TrainedHead.CLASSIFIER_BIAS, manager.create(b));
        } else {
            arrays = OpenVocabularyParameters.initialize(config, manager, seed);
            arrays.get(OpenVocabularyParameters.INPUT_MEAN).set(stats[0]);
            arrays.get(OpenVocabularyParameters.INPUT_SCALE).set(stats[1]);
        }
        return arrays;
    }

    /** Per-dimension mean and 1 / standard deviation (at least 1e-6) of the rows. */
    static float[][] standardisation(final float[][] rows) {
        final int d = rows[0].length;
        final double[] sum = new double[d];
        final double[] squares = new double[d];
        for (final float[] row : rows) {
            for (int k = 0; k < d; k++) {
                sum[k] += row[k];
                squares[k] += (double) row[k] * row[k];
            }
        }
        final float[] mean = new float[d];
        final float[] scale = new float[d];
        for (int k = 0; k < d; k++) {
            final double mu = sum[k] / rows.length;
            final double variance = Math.max(0, squares[k] / rows.length - mu * mu);
            mean[k] = (float) mu;
            scale[k] = (float) (1.0 / Math.max(1e-6, Math.sqrt(variance)));
        }
        return new float[][] {mean, scale};
    }

    private static void check(final HeadKind kind, final float[][] features, final int[] labels,
            final float[][] classEmbeddings, final int classCount, final OpenVocabularyConfig config) {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("training needs at least one example and one label per example, got "
                    + features.length + " examples and " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i + " is outside [0, "
                        + classCount + ")");
            }
        }
        if (kind != HeadKind.CLOSED_SET) {
            if (classEmbeddings == null || classEmbeddings.length != classCount) {
                throw new IllegalArgumentException("an open-vocabulary head needs one class embedding per class ("
                        + classCount + "), got " + (classEmbeddings == null ? 0 : classEmbeddings.length));
            }
            if (features[0].length != config.featureDim() || classEmbeddings[0].length != config.textDim()) {
                throw new IllegalArgumentException("features are " + features[0].length + "-d and embeddings "
                        + classEmbeddings[0].length + "-d; the head expects " + config.featureDim() + " and "
                        + config.textDim());
            }
        }
    }
}
