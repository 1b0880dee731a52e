package io.egostream.training.task;

import io.egostream.training.data.ArSample;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.LtaSample;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A teacher that knows only the order of narrated actions, the role a language model fine-tuned on
 * action sequences plays in text-to-video distillation for anticipation: a first-order Markov model of the
 * training clips' verb sequence and of their noun sequence (add-one smoothing), built from the AR clips
 * (all actions of a clip, in order). Its logits are log-probabilities:
 * <ul>
 *   <li>AR action {@code i}: {@code P(class_i | class_{i-1})} (the class prior for a clip's first action);</li>
 *   <li>LTA future step {@code z}: {@code P(class_{last+z} | class_last) = (T^z)[class_last]}.</li>
 * </ul>
 *
 * @param verbTransitions {@code [V][V]} row-stochastic verb transitions
 * @param nounTransitions {@code [N][N]} row-stochastic noun transitions
 * @param verbPrior verb frequencies
 * @param nounPrior noun frequencies
 */
public record ActionSequenceTeacher(double[][] verbTransitions, double[][] nounTransitions, double[] verbPrior,
        double[] nounPrior) {

    /**
     * @param train the training split
     * @return the teacher fitted on its AR clips
     */
    public static ActionSequenceTeacher fit(final Ego4dDataset train) {
        final int v = train.verbs().size();
        final int n = train.nouns().size();
        final double[][] tv = ones(v);
        final double[][] tn = ones(n);
        final double[] pv = new double[v];
        final double[] pn = new double[n];
        java.util.Arrays.fill(pv, 1);
        java.util.Arrays.fill(pn, 1);
        for (final ArSample s : train.ar()) {
            for (int i = 0; i < s.verbs().length; i++) {
                if (s.verbs()[i] < 0 || s.nouns()[i] < 0) {
                    continue;
                }
                pv[(int) s.verbs()[i]]++;
                pn[(int) s.nouns()[i]]++;
                if (i > 0 && s.verbs()[i - 1] >= 0 && s.nouns()[i - 1] >= 0) {
                    tv[(int) s.verbs()[i - 1]][(int) s.verbs()[i]]++;
                    tn[(int) s.nouns()[i - 1]][(int) s.nouns()[i]]++;
                }
            }
        }
        normaliseRows(tv);
        normaliseRows(tn);
        return new ActionSequenceTeacher(tv, tn, normalised(pv), normalised(pn));
    }

    /**
     * The teacher logits of every AR action and LTA future step of a split, keyed by
     * {@link TeacherLogits#arUid} and {@link TeacherLogits#ltaUid}, as the JSON the training reads.
     *
     * @param split the split whose samples get logits
     * @return {@code uid -> {"verb": [...], "noun": [...]}}
     */
    public Map<String, Map<String, float[]>> logits(final Ego4dDataset split) {
        return logits(split, Integer.MAX_VALUE);
    }

    /**
     * As {@link #logits(Ego4dDataset)}, keeping each distribution's {@code topK} classes: the others get
     * minus infinity (the distillation's top-K restriction drops them anyway).
     *
     * @param split the split whose samples get logits
     * @param topK classes kept per distribution
     * @return {@code uid -> {"verb": [...], "noun": [...]}}
     */
    public Map<String, Map<String, float[]>> logits(final Ego4dDataset split, final int topK) {
        final Map<String, Map<String, float[]>> out = new LinkedHashMap<>();
        for (final ArSample s : split.ar()) {
            for (int i = 0; i < s.verbs().length; i++) {
                final boolean first = i == 0 || s.verbs()[i - 1] < 0 || s.nouns()[i - 1] < 0;
                final double[] dv = first ? verbPrior : verbTransitions[(int) s.verbs()[i - 1]];
                final double[] dn = first ? nounPrior : nounTransitions[(int) s.nouns()[i - 1]];
                out.put(TeacherLogits.arUid(s.clipUid(), s.actionIdx()[i]), Map.of("verb", log(dv, topK), "noun", log(dn, topK)));
            }
        }
        final Map<String, int[]> lastClasses = lastObserved(split);
        for (final LtaSample s : split.lta()) {
            final int[] last = lastClasses.get(s.clipUid() + "#" + s.lastIdx());
            double[] dv = last == null ? verbPrior : verbTransitions[last[0]];
            double[] dn = last == null ? nounPrior : nounTransitions[last[1]];
            for (int z = 1; z <= s.verbs().length; z++) {
                out.put(TeacherLogits.ltaUid(s.clipUid(), s.lastIdx(), z), Map.of("verb", log(dv, topK), "noun", log(dn, topK)));
                dv = step(dv, verbTransitions);
                dn = step(dn, nounTransitions);
            }
        }
        return out;
    }

    /** The verb and noun of every (clip, action_idx), from the AR clips. */
    private static Map<String, int[]> lastObserved(final Ego4dDataset split) {
        final Map<String, int[]> out = new LinkedHashMap<>();
        for (final ArSample s : split.ar()) {
            for (int i = 0; i < s.verbs().length; i++) {
                if (s.verbs()[i] >= 0 && s.nouns()[i] >= 0) {
                    out.put(s.clipUid() + "#" + s.actionIdx()[i], new int[] {(int) s.verbs()[i], (int) s.nouns()[i]});
                }
            }
        }
        return out;
    }

    private static double[] step(final double[] p, final double[][] t) {
        final double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                continue;
            }
            for (int j = 0; j < p.length; j++) {
                out[j] += p[i] * t[i][j];
            }
        }
        return out;
    }

    private static float[] log(final double[] p, final int topK) {
        final float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) Math.log(p[i]);
        }
        if (topK >= p.length) {
            return out;
        }
        final float[] sorted = out.clone();
        java.util.Arrays.sort(sorted);
        final float cut = sorted[sorted.length - topK];
        int ties = topK;
        for (final float v : out) {
            ties -= v > cut ? 1 : 0;
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == cut && ties > 0) {
                ties--;
            } else if (out[i] <= cut) {
                out[i] = Float.NEGATIVE_INFINITY;
            }
        }
        return out;
    }

    private static double[][] ones(final int n) {
        final double[][] m = new double[n][n];
        for (final double[] row : m) {
            java.util.Arrays.fill(row, 1);
        }
        return m;
    }

    private static void normaliseRows(final double[][] m) {
        for (int i = 0; i < m.length; i++) {
            m[i] = normalised(m[i]);
        }
    }

    private static double[] normalised(final double[] v) {
        double sum = 0;
        for (final double x : v) {
            sum += x;
        }
        final double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / sum;
        }
        return out;
    }
}
