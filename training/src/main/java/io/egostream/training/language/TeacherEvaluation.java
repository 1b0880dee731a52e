package io.egostream.training.language;

import io.egostream.model.eval.EditDistance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the text-derived teacher on held-out clips: the next action (top-1/top-5) against the training
 * corpus's bigram model (the previous action's class, add-one smoothing) and its most frequent class, and the
 * Z future actions of LTA samples (ED@Z of the per-step argmax) against the bigram Markov chain's argmax.
 */
public final class TeacherEvaluation {

    /** The name of the teacher in reports. */
    public static final String TEACHER = "text teacher";

    private TeacherEvaluation() {}

    /**
     * Evaluates.
     *
     * @param teacher the teacher
     * @param train the corpus the baselines are counted on (same vocabulary as {@code test})
     * @param test the held-out clips
     * @param embedder the text encoder
     * @return the report
     */
    public static TeacherReport evaluate(final TextTeacher teacher, final ActionCorpus train, final ActionCorpus test,
            final TextEmbedder embedder) {
        final TextTeacherConfig c = teacher.config();
        final TextTeacherTrainer.Embedded e = TextTeacherTrainer.embed(test, embedder, c.history());
        final List<float[]> observed = new ArrayList<>();
        final List<int[]> where = new ArrayList<>();
        for (int k = 0; k < test.clips().size(); k++) {
            final ActionCorpus.Clip clip = test.clips().get(k);
            for (int j = 1; j < clip.size(); j++) {
                observed.add(e.observed().get(test.text(clip, j - c.history(), j)));
                where.add(new int[] {k, j});
            }
        }
        final float[][] obs = observed.toArray(new float[0][]);
        final float[][][] verbLogits = teacher.logits(obs, e.verbs(), true);
        final float[][][] nounLogits = teacher.logits(obs, e.nouns(), false);
        final int v = test.verbNames().size();
        final int n = test.nounNames().size();
        final Bigram verbs = Bigram.count(train, true, v);
        final Bigram nouns = Bigram.count(train, false, n);
        final Map<String, Accuracy> verbNext = next(verbLogits, where, test, true, verbs);
        final Map<String, Accuracy> nounNext = next(nounLogits, where, test, false, nouns);

        final List<int[][]> teacherVerbs = new ArrayList<>();
        final List<int[][]> teacherNouns = new ArrayList<>();
        final List<int[][]> chainVerbs = new ArrayList<>();
        final List<int[][]> chainNouns = new ArrayList<>();
        final List<int[]> gtVerbs = new ArrayList<>();
        final List<int[]> gtNouns = new ArrayList<>();
        final int z = c.steps();
        for (int row = 0; row < where.size(); row++) {
            final ActionCorpus.Clip clip = test.clips().get(where.get(row)[0]);
            final int j = where.get(row)[1];
            if (j < 2 || j + z > clip.size()) {
                continue;
            }
            teacherVerbs.add(new int[][] {argmaxPerStep(verbLogits[row])});
            teacherNouns.add(new int[][] {argmaxPerStep(nounLogits[row])});
            chainVerbs.add(new int[][] {verbs.chain(clip.verbs()[j - 1], z)});
            chainNouns.add(new int[][] {nouns.chain(clip.nouns()[j - 1], z)});
            gtVerbs.add(java.util.Arrays.copyOfRange(clip.verbs(), j, j + z));
            gtNouns.add(java.util.Arrays.copyOfRange(clip.nouns(), j, j + z));
        }
        final Map<String, Double> verbEd = new LinkedHashMap<>();
        final Map<String, Double> nounEd = new LinkedHashMap<>();
        if (!gtVerbs.isEmpty()) {
            final int[][] gv = gtVerbs.toArray(new int[0][]);
            final int[][] gn = gtNouns.toArray(new int[0][]);
            verbEd.put(TEACHER, EditDistance.atLength(teacherVerbs.toArray(new int[0][][]), gv, z));
            verbEd.put("markov chain", EditDistance.atLength(chainVerbs.toArray(new int[0][][]), gv, z));
            nounEd.put(TEACHER, EditDistance.atLength(teacherNouns.toArray(new int[0][][]), gn, z));
            nounEd.put("markov chain", EditDistance.atLength(chainNouns.toArray(new int[0][][]), gn, z));
        }
        return new TeacherReport(test.name(), where.size(), verbNext, nounNext, Accuracy.chance(v),
                Accuracy.chance(n), gtVerbs.size(), verbEd, nounEd, teacher.epochLosses());
    }

    private static Map<String, Accuracy> next(final float[][][] logits, final List<int[]> where,
            final ActionCorpus test, final boolean verbs, final Bigram bigram) {
        final double[][] teacher = new double[where.size()][];
        final double[][] previous = new double[where.size()][];
        final double[][] majority = new double[where.size()][];
        final int[] labels = new int[where.size()];
        for (int row = 0; row < where.size(); row++) {
            final ActionCorpus.Clip clip = test.clips().get(where.get(row)[0]);
            final int j = where.get(row)[1];
            final int[] classes = verbs ? clip.verbs() : clip.nouns();
            labels[row] = classes[j];
            teacher[row] = toDoubles(logits[row][0]);
            previous[row] = bigram.next(classes[j - 1]);
            majority[row] = bigram.prior();
        }
        final Map<String, Accuracy> out = new LinkedHashMap<>();
        out.put(TEACHER, Accuracy.of(teacher, labels));
        out.put("bigram", Accuracy.of(previous, labels));
        out.put("majority", Accuracy.of(majority, labels));
        return out;
    }

    private static int[] argmaxPerStep(final float[][] steps) {
        final int[] out = new int[steps.length];
        for (int k = 0; k < steps.length; k++) {
            int best = 0;
            for (int c = 1; c < steps[k].length; c++) {
                best = steps[k][c] > steps[k][best] ? c : best;
            }
            out[k] = best;
        }
        return out;
    }

    private static double[] toDoubles(final float[] v) {
        final double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** First-order transition counts of one kind of class with add-one smoothing, and the class prior. */
    private record Bigram(double[][] transitions, double[] prior, Map<Integer, int[][]> chainCache) {

        static Bigram count(final ActionCorpus corpus, final boolean verbs, final int classes) {
            final double[][] t = new double[classes][classes];
            final double[] p = new double[classes];
            for (final double[] row : t) {
                java.util.Arrays.fill(row, 1);
            }
            java.util.Arrays.fill(p, 1);
            for (final ActionCorpus.Clip clip : corpus.clips()) {
                final int[] c = verbs ? clip.verbs() : clip.nouns();
                for (int i = 0; i < c.length; i++) {
                    p[c[i]]++;
                    if (i > 0) {
                        t[c[i - 1]][c[i]]++;
                    }
                }
            }
            for (final double[] row : t) {
                final double sum = java.util.Arrays.stream(row).sum();
                for (int k = 0; k < row.length; k++) {
                    row[k] /= sum;
                }
            }
            final double total = java.util.Arrays.stream(p).sum();
            for (int k = 0; k < p.length; k++) {
                p[k] /= total;
            }
            return new Bigram(t, p, new java.util.HashMap<>());
        }

        double[] next(final int previous) {
            return transitions[previous];
        }

        /** The argmax of {@code T^z[previous]} for z = 1..steps. */
        int[] chain(final int previous, final int steps) {
            return chains(steps)[previous];
        }

        /** Per class, the argmax of each row of T, T^2, ..., T^steps (computed once per length). */
        private int[][] chains(final int steps) {
            synchronized (chainCache) {
                return chainCache.computeIfAbsent(steps, z -> {
                    final int n = transitions.length;
                    final int[][] out = new int[n][z];
                    double[][] power = transitions;
                    for (int k = 0; k < z; k++) {
                        for (int a = 0; a < n; a++) {
                            int best = 0;
                            for (int c = 1; c < n; c++) {
                                best = power[a][c] > power[a][best] ? c : best;
                            }
                            out[a][k] = best;
                        }
                        power = multiply(power, transitions);
                    }
                    return out;
                });
            }
        }

        private static double[][] multiply(final double[][] x, final double[][] y) {
            final int n = x.length;
            final double[][] out = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int m = 0; m < n; m++) {
                    final double xam = x[a][m];
                    for (int b = 0; b < n; b++) {
                        out[a][b] += xam * y[m][b];
                    }
                }
            }
            return out;
        }
    }
}
