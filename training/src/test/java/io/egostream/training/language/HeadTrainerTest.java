package io.egostream.training.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.nn.openvocab.OpenVocabularyConfig;
import io.egostream.model.nn.openvocab.PromptTemplate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Heads learn on a small problem whose features are a fixed linear map of the class embeddings plus noise,
 * as the text-grounded generator makes them.
 */
class HeadTrainerTest {

    private static final int D = 24;
    private static final int E = 8;
    private static final int CLASSES = 16;
    private static final OpenVocabularyConfig CONFIG =
            new OpenVocabularyConfig(D, E, 16, new PromptTemplate("{}"), 0.1);

    /** Class embeddings {@code [CLASSES][E]}, unit rows. */
    static float[][] embeddings(final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[][] t = new float[CLASSES][E];
        for (final float[] row : t) {
            double n = 0;
            for (int k = 0; k < E; k++) {
                row[k] = (float) r.nextGaussian();
                n += row[k] * row[k];
            }
            for (int k = 0; k < E; k++) {
                row[k] /= (float) Math.sqrt(n);
            }
        }
        return t;
    }

    /** Examples of the given classes: f = softplus(P t_c + 0.3 noise), non-negative and monotone like the generator. */
    static float[][] features(final float[][] t, final int[] labels, final long seed) {
        final SplittableRandom projection = new SplittableRandom(99);
        final float[][] p = new float[D][E];
        for (final float[] row : p) {
            for (int k = 0; k < E; k++) {
                row[k] = (float) projection.nextGaussian();
            }
        }
        final SplittableRandom noise = new SplittableRandom(seed);
        final float[][] f = new float[labels.length][D];
        for (int i = 0; i < labels.length; i++) {
            for (int d = 0; d < D; d++) {
                double v = 0;
                for (int k = 0; k < E; k++) {
                    v += p[d][k] * t[labels[i]][k];
                }
                f[i][d] = (float) Math.log1p(Math.exp(v + 0.3 * noise.nextGaussian()));
            }
        }
        return f;
    }

    static int[] labels(final int n, final int classes, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }

    @Test
    void everyHeadLearnsTheTrainingClasses() {
        final float[][] t = embeddings(1);
        final int[] y = labels(192, CLASSES, 2);
        final float[][] f = features(t, y, 3);
        final int[] testY = labels(96, CLASSES, 4);
        final float[][] testF = features(t, testY, 5);
        final TrainingBudget budget = new TrainingBudget(12, 32, 1e-2, 1e-4, 1, 7);
        for (final HeadKind kind : HeadKind.values()) {
            final TrainedHead head = HeadTrainer.train(kind, f, y, t, CLASSES, CONFIG, budget, e -> { });
            assertEquals(12, head.epochLosses().size());
            final double first = head.epochLosses().get(0);
            final double last = head.epochLosses().get(11);
            assertTrue(last < 0.5 * first, kind + " loss " + first + " -> " + last);
            final Accuracy accuracy = Accuracy.of(head.logits(testF, t), testY);
            assertTrue(accuracy.top1() > 0.5, kind + " top-1 " + accuracy.top1() + ", chance 1/16");
        }
    }

    @Test
    void textHeadsNameClassesTheyWereNotTrainedOn() {
        final int baseCount = 12;
        final float[][] t = embeddings(11);
        final int[] base = labels(384, baseCount, 12);
        final float[][] baseEmbeddings = java.util.Arrays.copyOf(t, baseCount);
        final int[] novel = labels(120, CLASSES - baseCount, 13);
        final float[][] novelEmbeddings = java.util.Arrays.copyOfRange(t, baseCount, CLASSES);
        final float[][] novelFeatures =
                features(t, java.util.Arrays.stream(novel).map(c -> c + baseCount).toArray(), 14);
        final TrainingBudget budget = new TrainingBudget(10, 32, 1e-2, 1e-4, 1, 7);
        for (final HeadKind kind : new HeadKind[] {HeadKind.TEXT_ONLY, HeadKind.X_MIC}) {
            final TrainedHead head = HeadTrainer.train(kind, features(t, base, 15), base, baseEmbeddings, baseCount,
                    CONFIG, budget, e -> { });
            final Accuracy accuracy = Accuracy.of(head.logits(novelFeatures, novelEmbeddings), novel);
            assertTrue(accuracy.top1() > 0.5, kind + " top-1 on unseen classes " + accuracy.top1() + ", chance 0.25");
        }
    }

    @Test
    void sameSeedGivesTheSameHead() {
        final float[][] t = embeddings(21);
        final int[] y = labels(64, CLASSES, 22);
        final float[][] f = features(t, y, 23);
        final TrainingBudget budget = new TrainingBudget(2, 16, 1e-2, 0, 0, 5);
        final TrainedHead a = HeadTrainer.train(HeadKind.X_MIC, f, y, t, CLASSES, CONFIG, budget, e -> { });
        final TrainedHead b = HeadTrainer.train(HeadKind.X_MIC, f, y, t, CLASSES, CONFIG, budget, e -> { });
        a.arrays().forEach((k, v) -> org.junit.jupiter.api.Assertions.assertArrayEquals(v.values(),
                b.arrays().get(k).values(), k));
    }
}
