package io.egostream.model.synth;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the generator's class prototypes come from: the generator option {@code --prototypes random|text}.
 * The default is {@link #RANDOM}.
 */
public enum PrototypeSource {
    /** {@link RandomClassPrototypes}: independent seeded directions, classes unrelated to each other. */
    RANDOM,
    /** {@link TextClassPrototypes}: a seeded projection of the class names' sentence embeddings. */
    TEXT;

    /** The generator's default. */
    public static final PrototypeSource DEFAULT = RANDOM;

    /**
     * The prototypes of a vocabulary.
     *
     * @param vocabulary the classes
     * @param dimension D, 1..65536
     * @param seed the seed
     * @return {@link RandomClassPrototypes} or {@link TextClassPrototypes} (shipped embeddings, default text
     *     weight)
     */
    public ClassPrototypes prototypes(final ClassVocabulary vocabulary, final int dimension, final long seed) {
        return this == RANDOM ? RandomClassPrototypes.of(vocabulary, dimension, seed)
                : TextClassPrototypes.of(vocabulary, dimension, seed);
    }

    /**
     * The option value of this source.
     *
     * @return {@code random} or {@code text}
     */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an option value.
     *
     * @param value {@code random} or {@code text} (case-insensitive)
     * @return the source
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static PrototypeSource ofOptionValue(final String value) {
        for (final PrototypeSource s : values()) {
            if (s.optionValue().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("prototype source must be one of "
                + Arrays.stream(values()).map(PrototypeSource::optionValue).toList() + ", got '" + value + "'");
    }
}
