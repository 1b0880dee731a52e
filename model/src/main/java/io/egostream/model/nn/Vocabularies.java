package io.egostream.model.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The class names of a model, one list per classifier output: verbs (AR, LTA), nouns (AR, LTA) and
 * moment-query classes (MQ). Sizes must match the configuration.
 *
 * @param verbs verb names, {@code num_verbs} of them
 * @param nouns noun names, {@code num_nouns}
 * @param mqClasses moment-query class names, {@code mq_classes}
 */
public record Vocabularies(List<String> verbs, List<String> nouns, List<String> mqClasses) {

    /** Copies the lists and rejects blank names. */
    public Vocabularies {
        verbs = checked(verbs, "verbs");
        nouns = checked(nouns, "nouns");
        mqClasses = checked(mqClasses, "mq_classes");
    }

    private static List<String> checked(final List<String> names, final String what) {
        if (names == null) {
            throw new IllegalArgumentException("vocabulary '" + what + "' must not be null");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isBlank()) {
                throw new IllegalArgumentException("vocabulary '" + what + "' entry " + i + " is blank");
            }
        }
        return List.copyOf(names);
    }

    /**
     * @param config a configuration
     * @return placeholder names {@code verb_000}, {@code noun_000}, {@code mq_000}, ... of the right sizes
     */
    public static Vocabularies placeholders(final HierEgoPackConfig config) {
        return new Vocabularies(numbered("verb", config.numVerbs()), numbered("noun", config.numNouns()),
                numbered("mq", config.mqClasses()));
    }

    private static List<String> numbered(final String stem, final int n) {
        final List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(String.format(Locale.ROOT, "%s_%03d", stem, i));
        }
        return out;
    }

    /**
     * @param config the configuration the vocabularies belong to
     * @throws IllegalArgumentException if a list has the wrong size, naming it
     */
    public void requireSizes(final HierEgoPackConfig config) {
        requireSize("verbs", verbs, config.numVerbs(), "num_verbs");
        requireSize("nouns", nouns, config.numNouns(), "num_nouns");
        requireSize("mq_classes", mqClasses, config.mqClasses(), "mq_classes");
    }

    private static void requireSize(final String what, final List<String> names, final int n, final String key) {
        if (names.size() != n) {
            throw new IllegalArgumentException("vocabulary '" + what + "' has " + names.size() + " names but "
                    + key + " is " + n);
        }
    }
}
