package io.egostream.model.domain;

import java.util.Objects;

/**
 * One anticipated future action of a long-term anticipation (LTA) event.
 *
 * @param step position in the future sequence, 1-based (1 = the next action), 1..20 for Ego4D
 * @param verb the most likely verb, head {@code verb}
 * @param noun the most likely noun, head {@code noun}
 */
public record FutureAction(int step, LabelScore verb, LabelScore noun) {

    /** Validates every field. */
    public FutureAction {
        if (step < 1) {
            throw new IllegalArgumentException("future step must be >= 1, got " + step);
        }
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(noun, "noun");
    }
}
