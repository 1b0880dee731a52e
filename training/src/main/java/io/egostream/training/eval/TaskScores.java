package io.egostream.training.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one task: each named value with the same metric for the chance-level predictor.
 *
 * @param task the task name ({@code ar}, {@code oscc}, ...)
 * @param samples evaluated samples (actions, windows, clips)
 * @param metrics metric name to value
 * @param chance metric name to the chance-level predictor's value (see {@link ChanceLevels})
 * @param higherIsBetter metric name to whether larger values are better
 */
public record TaskScores(String task, int samples, Map<String, Double> metrics, Map<String, Double> chance,
        Map<String, Boolean> higherIsBetter) {

    /** Copies the maps in order. */
    public TaskScores {
        metrics = new LinkedHashMap<>(metrics);
        chance = new LinkedHashMap<>(chance);
        higherIsBetter = new LinkedHashMap<>(higherIsBetter);
    }

    /** @return the scores as JSON-ready maps {@code {samples, metrics, chance}} */
    public Map<String, Object> toJson() {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("metrics", metrics);
        m.put("chance", chance);
        return m;
    }
}
