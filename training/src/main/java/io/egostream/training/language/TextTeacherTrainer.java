package io.egostream.training.language;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.egostream.model.synth.ClassNameText;
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
 * Trains the text-derived teacher on action orders alone. An example is a position j of a clip and a step z:
 * the text of actions {@code [j - history, j)} (empty at the clip's start), and the verb and noun of action
 * {@code j + z - 1}. Every corpus is scored against its own vocabulary's class-name embeddings; batches hold
 * examples of one corpus, in a seeded order over all corpora. Loss: verb plus noun cross-entropy.
 */
public final class TextTeacherTrainer {

    private TextTeacherTrainer() {}

    /** The texts and class embeddings of one corpus, embedded once. */
    record Embedded(ActionCorpus corpus, float[][] verbs, float[][] nouns, Map<String, float[]> observed) {
    }

    /**
     * Embeds a corpus's class names and every observed-actions text of its clips.
     *
     * @param corpus the corpus
     * @param embedder the text encoder
     * @param history actions per observed text
     * @return the embeddings
     */
    static Embedded embed(final ActionCorpus corpus, final TextEmbedder embedder, final int history) {
        final float[][] verbs = embedder.embed(corpus.verbNames().stream().map(ClassNameText::of).toList());
        final float[][] nouns = embedder.embed(corpus.nounNames().stream().map(ClassNameText::of).toList());
        final Map<String, float[]> observed = new LinkedHashMap<>();
        for (final ActionCorpus.Clip clip : corpus.clips()) {
            for (int j = 0; j <= clip.size(); j++) {
                observed.put(corpus.text(clip, j - history, j), null);
            }
        }
        final List<String> texts = new ArrayList<>(observed.keySet());
        final float[][] vectors = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            observed.put(texts.get(i), vectors[i]);
        }
        return new Embedded(corpus, verbs, nouns, observed);
    }

    /**
     * Trains a teacher.
     *
     * @param corpora the action orders to learn from (e.g. the EPIC-KITCHENS-100 training split and EGTEA Gaze+)
     * @param embedder the text encoder
     * @param config the teacher's shape
     * @param budget epochs, batch size, optimiser, seed
     * @param epochDone called after each epoch with its 1-based number
     * @return the teacher
     * @throws IllegalArgumentException when no corpus has an action
     */
    public static TextTeacher train(final List<ActionCorpus> corpora, final TextEmbedder embedder,
            final TextTeacherConfig config, final TrainingBudget budget, final IntConsumer epochDone) {
        final List<Embedded> embedded = corpora.stream().map(c -> embed(c, embedder, config.history())).toList();
        final List<int[]> examples = new ArrayList<>();
        final List<List<float[]>> observed = new ArrayList<>();
        for (int d = 0; d < embedded.size(); d++) {
            final Embedded e = embedded.get(d);
            final List<float[]> rows = new ArrayList<>();
            for (final ActionCorpus.Clip clip : e.corpus().clips()) {
                for (int j = 0; j < clip.size(); j++) {
                    rows.add(e.observed().get(e.corpus().text(clip, j - config.history(), j)));
                    for (int z = 1; z <= config.steps() && j + z - 1 < clip.size(); z++) {
                        examples.add(new int[] {d, rows.size() - 1, z - 1, clip.verbs()[j + z - 1],
                            clip.nouns()[j + z - 1]});
                    }
                }
            }
            observed.add(rows);
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the teacher needs at least one action to learn from");
        }
        final List<int[][]> batches = batches(examples, embedded.size(), budget, 0);
        final int stepsPerEpoch = batches.size();
        try (NDManager root = NDManager.newBaseManager("PyTorch")) {
            final Map<String, NDArray> arrays = TextTeacherNetwork.initialize(config, root, budget.seed());
            arrays.values().forEach(a -> a.setRequiresGradient(true));
            final Adam adam = new Adam(ParameterGroup.splitByDecay("teacher/", arrays, budget.learningRate(),
                    budget.weightDecay()), new LearningRateSchedule((long) budget.warmupEpochs() * stepsPerEpoch,
                    (long) budget.epochs() * stepsPerEpoch, 0.0), 1.0);
            final List<NDArray[]> classes = new ArrayList<>();
            for (final Embedded e : embedded) {
                classes.add(new NDArray[] {Matrices.of(root, e.verbs()), Matrices.of(root, e.nouns())});
            }
            final List<Double> losses = new ArrayList<>();
            for (int epoch = 0; epoch < budget.epochs(); epoch++) {
                double sum = 0;
                final List<int[][]> order = epoch == 0 ? batches : batches(examples, embedded.size(), budget, epoch);
                for (final int[][] batch : order) {
                    final int d = batch[0][0];
                    final float[][] obs = new float[batch.length][];
                    final float[] oneHot = new float[batch.length * config.steps()];
                    final long[] verbs = new long[batch.length];
                    final long[] nouns = new long[batch.length];
                    for (int i = 0; i < batch.length; i++) {
                        obs[i] = observed.get(d).get(batch[i][1]);
                        oneHot[i * config.steps() + batch[i][2]] = 1f;
                        verbs[i] = batch[i][3];
                        nouns[i] = batch[i][4];
                    }
                    try (NDManager m = root.newSubManager();
                            GradientCollector gc = root.getEngine().newGradientCollector()) {
                        final NDArray x = Matrices.of(m, obs);
                        final NDArray steps = m.create(oneHot, new Shape(batch.length, config.steps()));
                        final NDArray loss = ClassificationLosses.crossEntropy(
                                TextTeacherNetwork.logits(arrays, x, steps, classes.get(d)[0], true), verbs).mean()
                                .add(ClassificationLosses.crossEntropy(
                                        TextTeacherNetwork.logits(arrays, x, steps, classes.get(d)[1], false), nouns)
                                        .mean());
                        gc.backward(loss);
                        sum += loss.getFloat();
                    }
                    adam.step();
                }
                losses.add(sum / stepsPerEpoch);
                epochDone.accept(epoch + 1);
            }
            arrays.values().forEach(a -> a.setRequiresGradient(false));
            final Map<String, TrainedHead.Array> out = new LinkedHashMap<>();
            arrays.forEach((k, v) -> out.put(k, new TrainedHead.Array(v.getShape().getShape(), v.toFloatArray())));
            return new TextTeacher(config, out, losses);
        }
    }

    /** Seeded batches of one corpus each: each corpus's examples shuffled and cut, the batches shuffled. */
    private static List<int[][]> batches(final List<int[]> examples, final int corpora, final TrainingBudget budget,
            final int epoch) {
        final List<int[][]> out = new ArrayList<>();
        for (int d = 0; d < corpora; d++) {
            final int corpus = d;
            final List<int[]> mine = examples.stream().filter(e -> e[0] == corpus).toList();
            final int[] order = HeadTrainer.order(mine.size(), budget.seed() + 31L * d, epoch);
            for (int from = 0; from < order.length; from += budget.batchSize()) {
                final int[][] batch = new int[Math.min(budget.batchSize(), order.length - from)][];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = mine.get(order[from + i]);
                }
                out.add(batch);
            }
        }
        final SplittableRandom r = new SplittableRandom(budget.seed() * 7919L + epoch);
        for (int i = out.size() - 1; i > 0; i--) {
            final int j = r.nextInt(i + 1);
            final int[][] t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }
}
