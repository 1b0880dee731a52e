package io.egostream.text.openvocab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Label lists as configuration writes them: labels separated by {@code ;}, e.g.
 * {@code "pour water; cut onion; open fridge"}.
 */
public final class OpenVocabularyLabels {

    /** The separator of a configured label list. */
    public static final String SEPARATOR = ";";

    private OpenVocabularyLabels() {}

    /**
     * Parses a configured label list.
     *
     * @param value labels separated by {@code ;}; surrounding spaces and empty entries are dropped
     * @return the labels in order, possibly empty
     * @throws IllegalArgumentException naming the label when one appears twice
     */
    public static List<String> parse(final String value) {
        final List<String> labels = new ArrayList<>();
        if (value == null) {
            return labels;
        }
        for (final String part : value.split(SEPARATOR, -1)) {
            final String label = part.strip();
            if (!label.isEmpty()) {
                labels.add(label);
            }
        }
        return labels.isEmpty() ? List.of() : checked(labels);
    }

    /**
     * Checks a label list: at least one label, none blank, no duplicates.
     *
     * @param labels the labels
     * @return the same labels, stripped, as an unmodifiable list
     * @throws IllegalArgumentException naming the problem
     */
    public static List<String> checked(final List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("an open-vocabulary label set needs at least one label");
        }
        final Set<String> seen = new LinkedHashSet<>();
        for (final String label : labels) {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("open-vocabulary labels must not be blank, got " + labels);
            }
            if (!seen.add(label.strip())) {
                throw new IllegalArgumentException("open-vocabulary label '" + label.strip() + "' appears twice");
            }
        }
        return List.copyOf(seen);
    }
}
