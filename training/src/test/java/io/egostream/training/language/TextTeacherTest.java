package io.egostream.training.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.training.loss.Distillation;
import io.egostream.training.task.TeacherLogits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text-derived teacher on small corpora with a stand-in encoder (a seeded unit vector per text). */
class TextTeacherTest {

    private static final int E = 16;
    private static final TextTeacherConfig CONFIG = new TextTeacherConfig(E, 48, 3, 2, 0.1);
    private static final List<String> VERBS = List.of("take", "cut", "put", "wash");
    private static final List<String> NOUNS = List.of("knife", "onion", "board:chopping");

    /** A stand-in text encoder: every distinct text gets its own seeded unit vector. */
    static float[][] embed(final List<String> texts) {
        final float[][] out = new float[texts.size()][E];
        for (int i = 0; i < out.length; i++) {
            final SplittableRandom r = new SplittableRandom(texts.get(i).hashCode());
            double n = 0;
            for (int k = 0; k < E; k++) {
                out[i][k] = (float) r.nextGaussian();
                n += out[i][k] * out[i][k];
            }
            for (int k = 0; k < E; k++) {
                out[i][k] /= (float) Math.sqrt(n);
            }
        }
        return out;
    }

    /** Clips whose verbs cycle take, cut, put, wash and whose nouns cycle knife, onion, chopping board. */
    static ActionCorpus cyclic(final String name, final int clips, final int length, final int offset) {
        final List<ActionCorpus.Clip> out = new ArrayList<>();
        for (int c = 0; c < clips; c++) {
            final int[] idx = new int[length];
            final int[] v = new int[length];
            final int[] n = new int[length];
            for (int i = 0; i < length; i++) {
                idx[i] = i;
                v[i] = (i + c + offset) % VERBS.size();
                n[i] = (i + 2 * c) % NOUNS.size();
            }
            out.add(new ActionCorpus.Clip(name + "-clip-" + c, idx, v, n));
        }
        return new ActionCorpus(name, VERBS, NOUNS, out);
    }

    @Test
    void actionsReadAsText() {
        final ActionCorpus corpus = cyclic("c", 1, 4, 0);
        assertEquals("take knife, cut onion", corpus.text(corpus.clips().get(0), 0, 2));
        assertEquals("put chopping board", corpus.text(corpus.clips().get(0), 2, 3));
        assertEquals("", corpus.text(corpus.clips().get(0), -2, 0));
    }

    @Test
    void teacherLearnsTheActionOrder() {
        final ActionCorpus train = cyclic("train", 12, 12, 0);
        final ActionCorpus test = cyclic("test", 4, 12, 1);
        final TextTeacher teacher = TextTeacherTrainer.train(List.of(train), TextTeacherTest::embed, CONFIG,
                new TrainingBudget(15, 64, 1e-2, 0, 1, 3), e -> { });
        assertTrue(teacher.epochLosses().get(14) < 0.5 * teacher.epochLosses().get(0), teacher.epochLosses().toString());
        final TeacherReport report = TeacherEvaluation.evaluate(teacher, train, test, TextTeacherTest::embed);
        assertEquals(4 * 11, report.positions());
        final Accuracy verbs = report.verbNext().get(TeacherEvaluation.TEACHER);
        assertTrue(verbs.top1() > 0.9, "next verb top-1 " + verbs.top1() + ", chance 0.25");
        assertTrue(report.nounNext().get(TeacherEvaluation.TEACHER).top1() > 0.9, report.toString());
        assertEquals(0.25, report.verbChance().top1(), 1e-12);
    }

    @Test
    void teacherLogitsFileIsReadByTheDistillationOption(@TempDir final Path dir) throws Exception {
        final ActionCorpus corpus = cyclic("c", 2, 8, 0);
        final TextTeacher teacher = TextTeacherTrainer.train(List.of(corpus), TextTeacherTest::embed, CONFIG,
                new TrainingBudget(2, 32, 1e-2, 0, 0, 3), e -> { });
        final Path file = dir.resolve("teacher.json");
        final int written = TeacherLogitsWriter.write(file, teacher, corpus, TextTeacherTest::embed, 2);
        // AR: 2 clips x 8 actions; LTA: per clip 8 - 2 - 3 samples of 3 steps
        assertEquals(2 * 8 + 2 * 3 * 3, written);
        final TeacherLogits read = TeacherLogits.read(file, VERBS.size(), NOUNS.size());
        assertEquals(written, read.verbs().size());
        final float[] ar = read.verbs().get(TeacherLogits.arUid("c-clip-1", 5));
        assertEquals(2, countFinite(ar), "top-2 classes written, the others have probability 0");
        final float[] lta = read.nouns().get(TeacherLogits.ltaUid("c-clip-0", 1, 3));
        assertEquals(2, countFinite(lta));
        final float[] q = new Distillation(2.0, 10, 1.0).teacherDistribution(lta);
        double sum = 0;
        int positive = 0;
        for (final float p : q) {
            sum += p;
            positive += p > 0 ? 1 : 0;
        }
        assertEquals(1.0, sum, 1e-6);
        assertEquals(2, positive);
        assertTrue(Files.size(file) < 20_000, "sparse rows keep the file small: " + Files.size(file));
    }

    private static int countFinite(final float[] v) {
        int n = 0;
        for (final float x : v) {
            n += Float.isFinite(x) ? 1 : 0;
        }
        return n;
    }
}
