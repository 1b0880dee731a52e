package io.egostream.model.nn;

import java.util.regex.Pattern;

/**
 * A loaded model: its id, configuration, class vocabularies and parameters. Closing it frees the
 * parameters.
 */
public final class HierEgoPackModel implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final String id;
    private final Vocabularies vocabularies;
    private final HierEgoPackWeights weights;

    /**
     * @param id the model id: letters, digits, {@code . _ -}, at most 128 characters
     * @param vocabularies class names matching the configuration's class counts
     * @param weights the parameters (owned by the model from now on)
     */
    public HierEgoPackModel(final String id, final Vocabularies vocabularies, final HierEgoPackWeights weights) {
        requireId(id);
        vocabularies.requireSizes(weights.config());
        this.id = id;
        this.vocabularies = vocabularies;
        this.weights = weights;
    }

    /**
     * @param id a candidate model id
     * @throws IllegalArgumentException if it is not letters, digits, {@code . _ -} (first a letter or
     *     digit), at most 128 characters
     */
    public static void requireId(final String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("model id '" + id + "' must be 1-128 letters, digits, '.', '_' or '-'"
                    + " starting with a letter or digit");
        }
    }

    /** @return the model id */
    public String id() {
        return id;
    }

    /** @return the configuration */
    public HierEgoPackConfig config() {
        return weights.config();
    }

    /** @return the class names */
    public Vocabularies vocabularies() {
        return vocabularies;
    }

    /** @return the parameters */
    public HierEgoPackWeights weights() {
        return weights;
    }

    /** @return the offline forward over these parameters */
    public HierEgoPackForward forward() {
        return new HierEgoPackForward(weights);
    }

    @Override
    public void close() {
        weights.close();
    }
}
