package io.egostream.stream.inference;

import io.egostream.model.domain.LabelScore;
import java.util.ArrayList;
import java.util.List;

/** Turns logits into probabilities and labelled top-k lists (pure arithmetic on float arrays). */
final class Scores {

    private Scores() {}

    /** Softmax of row {@code row} of a row-major {@code [rows, n]} array. */
    static double[] softmaxRow(final float[] logits, final int row, final int n) {
        final double[] p = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[row * n + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(logits[row * n + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The k most probable classes, best first (ties: lower id first). */
    static List<LabelScore> top(final double[] p, final int k, final String head, final List<String> names) {
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            ids.add(i);
        }
        ids.sort((a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        final List<LabelScore> out = new ArrayList<>();
        for (int r = 0; r < Math.min(k, ids.size()); r++) {
            final int id = ids.get(r);
            out.add(new LabelScore(head, names.get(id), id, clamp(p[id])));
        }
        return out;
    }

    /** Probabilities may round a hair outside [0, 1]. */
    static double clamp(final double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
