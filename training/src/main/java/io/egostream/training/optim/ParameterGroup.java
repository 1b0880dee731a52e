package io.egostream.training.optim;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters that share a learning rate and a weight decay, by unique name (the name keys the optimiser
 * state in a checkpoint).
 *
 * @param name the group's name, e.g. {@code decay} or {@code mq/no-decay}
 * @param parameters the arrays by name, in a fixed order
 * @param learningRate peak learning rate of the group, {@code > 0}
 * @param weightDecay L2 weight decay, {@code >= 0}
 */
public record ParameterGroup(String name, Map<String, NDArray> parameters, double learningRate,
        double weightDecay) {

    /** Validates and copies the parameters. */
    public ParameterGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter group needs a name");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate of group " + name + " must be positive, got "
                    + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay of group " + name + " must be >= 0, got " + weightDecay);
        }
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Splits parameters the way the reference {@code build_optimizer} does: 1-D arrays (biases, norms,
     * scales) get no weight decay, the others get {@code weightDecay}.
     *
     * @param prefix prefix of the two group names
     * @param parameters the arrays by name
     * @param learningRate the peak learning rate of both groups
     * @param weightDecay the decay of the multi-dimensional arrays
     * @return the group without decay, then the group with decay (either may be empty)
     */
    public static java.util.List<ParameterGroup> splitByDecay(final String prefix,
            final Map<String, NDArray> parameters, final double learningRate, final double weightDecay) {
        final Map<String, NDArray> flat = new LinkedHashMap<>();
        final Map<String, NDArray> matrices = new LinkedHashMap<>();
        parameters.forEach((k, v) -> (v.getShape().dimension() <= 1 ? flat : matrices).put(k, v));
        return java.util.List.of(new ParameterGroup(prefix + "no-decay", flat, learningRate, 0.0),
                new ParameterGroup(prefix + "decay", matrices, learningRate, weightDecay));
    }
}
