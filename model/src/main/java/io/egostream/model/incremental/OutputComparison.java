package io.egostream.model.incremental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares outputs of the incremental evaluator with expected ones (the offline forward), matching nodes by
 * (level, index), windows by (head, first, last) and MQ outputs by (level, index). Records the largest
 * absolute difference, how many of each kind were compared, and every problem: an output missing, produced
 * twice, or produced but not expected.
 */
public final class OutputComparison {

    private double maxAbsDiff;
    private String worst = "";
    private int nodes;
    private int windows;
    private int moments;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param expected the expected outputs (every output of a closed stream)
     * @param actual everything the evaluator produced for that camera, in any number of parts
     * @param requireAll whether every expected output must be present (false: compare only what was produced)
     * @return this comparison, updated
     */
    public OutputComparison compare(final StepOutput expected, final List<StepOutput> actual, final boolean requireAll) {
        final Map<String, float[][]> want = new HashMap<>();
        expected.nodes().forEach(n -> want.put("node " + n.level() + "/" + n.index(), new float[][] {n.x()}));
        expected.windows().forEach(w -> want.put(key(w), new float[][] {w.logits(), w.secondLogits()}));
        expected.moments().forEach(m -> want.put("mq " + m.level() + "/" + m.index(),
                new float[][] {m.classLogits(), {m.left(), m.right()}}));
        final Map<String, Integer> seen = new HashMap<>();
        for (final StepOutput o : actual) {
            for (final NodeValue n : o.nodes()) {
                nodes++;
                check("node " + n.level() + "/" + n.index(), new float[][] {n.x()}, want, seen);
            }
            for (final WindowResult w : o.windows()) {
                windows++;
                check(key(w), new float[][] {w.logits(), w.secondLogits()}, want, seen);
            }
            for (final MqResult m : o.moments()) {
                moments++;
                check("mq " + m.level() + "/" + m.index(), new float[][] {m.classLogits(), {m.left(), m.right()}}, want,
                        seen);
            }
        }
        if (requireAll) {
            final boolean anyNodes = actual.stream().anyMatch(o -> !o.nodes().isEmpty());
            for (final String k : want.keySet()) {
                if (!seen.containsKey(k) && (anyNodes || !k.startsWith("node "))) {
                    problems.add("missing " + k);
                }
            }
        }
        return this;
    }

    private static String key(final WindowResult w) {
        return w.head() + " " + w.window().first() + ".." + w.window().last();
    }

    private void check(final String key, final float[][] got, final Map<String, float[][]> want,
            final Map<String, Integer> seen) {
        if (seen.merge(key, 1, Integer::sum) > 1) {
            problems.add("produced twice: " + key);
        }
        final float[][] w = want.get(key);
        if (w == null) {
            problems.add("not expected: " + key);
            return;
        }
        for (int a = 0; a < w.length; a++) {
            if (w[a] == null && got[a] == null) {
                continue;
            }
            if (w[a] == null || got[a] == null || w[a].length != got[a].length) {
                problems.add("shape differs: " + key);
                continue;
            }
            for (int i = 0; i < w[a].length; i++) {
                final double d = Math.abs((double) w[a][i] - got[a][i]);
                if (!(d <= maxAbsDiff)) {
                    maxAbsDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                    worst = key + "[" + i + "]";
                }
            }
        }
    }

    /** @return the largest absolute difference seen */
    public double maxAbsDiff() {
        return maxAbsDiff;
    }

    /** @return where the largest difference was */
    public String worst() {
        return worst;
    }

    /** @return backbone nodes compared */
    public int nodes() {
        return nodes;
    }

    /** @return windows compared */
    public int windows() {
        return windows;
    }

    /** @return MQ outputs compared */
    public int moments() {
        return moments;
    }

    /** @return problems found (missing, duplicated or unexpected outputs) */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
