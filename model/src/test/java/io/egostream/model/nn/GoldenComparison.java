package io.egostream.model.nn;

import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyDtype;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares outputs with the reference vectors: float arrays to {@code |a-b| <= 1e-4 + 1e-3|b|}, integer
 * arrays exactly, MQ decoded candidates per label as a multiset of (start, end, score) with the float
 * tolerance. Collects every mismatch as a sentence.
 */
final class GoldenComparison {

    private final List<String> problems = new ArrayList<>();
    private int compared;

    static boolean close(final float a, final float b) {
        return Math.abs(a - b) <= 1e-4 + 1e-3 * Math.abs(b);
    }

    void compare(final String key, final NpyArray actual, final NpyArray expected) {
        compared++;
        if (actual == null) {
            problems.add(key + ": not produced");
            return;
        }
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            problems.add(key + ": shape " + actual.shapeText() + ", expected " + expected.shapeText());
            return;
        }
        if (expected.dtype() == NpyDtype.INT64 || expected.dtype() == NpyDtype.BOOL) {
            if (!Arrays.equals(actual.toLongs(), expected.toLongs())) {
                problems.add(key + ": " + Arrays.toString(actual.toLongs()) + " != expected "
                        + Arrays.toString(expected.toLongs()));
            }
            return;
        }
        final float[] a = actual.toFloats();
        final float[] b = expected.toFloats();
        double worst = 0;
        int bad = -1;
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                final double d = Math.abs(a[i] - b[i]);
                if (bad < 0 || d > worst) {
                    worst = d;
                    bad = i;
                }
            }
        }
        if (bad >= 0) {
            problems.add(key + ": element " + bad + " is " + a[bad] + ", expected " + b[bad]);
        }
    }

    /** Per label, the candidates must pair up one to one within tolerance. */
    void compareCandidates(final String prefix, final Map<String, NpyArray> actual, final Map<String, NpyArray> expected) {
        compared += 3;
        final NpyArray segA = actual.get(prefix + "decoded_segments");
        if (segA == null) {
            problems.add(prefix + "decoded_*: not produced");
            return;
        }
        final Map<Long, List<float[]>> want = byLabel(expected.get(prefix + "decoded_segments"),
                expected.get(prefix + "decoded_scores"), expected.get(prefix + "decoded_labels"));
        final Map<Long, List<float[]>> got = byLabel(segA, actual.get(prefix + "decoded_scores"),
                actual.get(prefix + "decoded_labels"));
        if (!want.keySet().equals(got.keySet())) {
            problems.add(prefix + "decoded labels " + got.keySet() + ", expected " + want.keySet());
            return;
        }
        for (final Map.Entry<Long, List<float[]>> e : want.entrySet()) {
            final List<float[]> remaining = new ArrayList<>(got.get(e.getKey()));
            if (remaining.size() != e.getValue().size()) {
                problems.add(prefix + "label " + e.getKey() + ": " + remaining.size() + " candidates, expected "
                        + e.getValue().size());
                continue;
            }
            for (final float[] w : e.getValue()) {
                int match = -1;
                for (int i = 0; i < remaining.size() && match < 0; i++) {
                    final float[] g = remaining.get(i);
                    if (close(g[0], w[0]) && close(g[1], w[1]) && close(g[2], w[2])) {
                        match = i;
                    }
                }
                if (match < 0) {
                    problems.add(prefix + "label " + e.getKey() + ": no candidate matches " + Arrays.toString(w));
                } else {
                    remaining.remove(match);
                }
            }
        }
    }

    private static Map<Long, List<float[]>> byLabel(final NpyArray seg, final NpyArray score, final NpyArray label) {
        final float[] s = seg.toFloats();
        final float[] p = score.toFloats();
        final long[] l = label.toLongs();
        final Map<Long, List<float[]>> out = new HashMap<>();
        for (int i = 0; i < l.length; i++) {
            out.computeIfAbsent(l[i], k -> new ArrayList<>()).add(new float[] {s[2 * i], s[2 * i + 1], p[i]});
        }
        return out;
    }

    List<String> problems() {
        return problems;
    }

    int compared() {
        return compared;
    }
}
