package io.egostream.model.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
     * Reads vocabularies from a parsed JSON object {@code {"verbs": [...], "nouns": [...],
     * "mq_classes": [...]}}.
     *
     * @param map the object
     * @param source where it came from, for messages
     * @param config the configuration the lists must match
     * @param requireAll whether every list must be present (else an absent list gets placeholder names)
     * @return the vocabularies
     * @throws IllegalArgumentException for an unknown key, a missing list (if required), a non-string entry or
     *     a wrong size, naming the source and list
     */
    public static Vocabularies fromMap(final Map<?, ?> map, final String source, final HierEgoPackConfig config,
            final boolean requireAll) {
        for (final Object k : map.keySet()) {
            if (!List.of("verbs", "nouns", "mq_classes").contains(String.valueOf(k))) {
                throw new IllegalArgumentException(source + ": unknown key '" + k + "' (allowed: verbs, nouns,"
                        + " mq_classes)");
            }
        }
        final Vocabularies fallback = placeholders(config);
        try {
            final Vocabularies v = new Vocabularies(list(map, "verbs", source, requireAll, fallback.verbs()),
                    list(map, "nouns", source, requireAll, fallback.nouns()),
                    list(map, "mq_classes", source, requireAll, fallback.mqClasses()));
            v.requireSizes(config);
            return v;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(source) ? e.getMessage()
                    : source + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(final Map<?, ?> map, final String key, final String source,
            final boolean required, final List<String> fallback) {
        final Object o = map.get(key);
        if (o == null) {
            if (required) {
                throw new IllegalArgumentException(source + ": '" + key + "' must be a list of names");
            }
            return fallback;
        }
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a list of names");
        }
        final List<String> out = new ArrayList<>();
        for (final Object e : l) {
            if (!(e instanceof String s)) {
                throw new IllegalArgumentException(source + ": '" + key + "' holds a non-string entry " + e);
            }
            out.add(s);
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
