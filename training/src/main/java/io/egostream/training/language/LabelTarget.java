package io.egostream.training.language;

import io.egostream.model.nn.openvocab.PromptTemplate;
import java.util.Arrays;
import java.util.Locale;

/** What an open-vocabulary head names: the verb or the noun of an action, each with its prompt template. */
public enum LabelTarget {
    /** The verb: prompts {@code "a person is going to <verb>"}. */
    VERB(new PromptTemplate("a person is going to {}")),
    /** The noun: prompts {@code "a video of a <noun>"}. */
    NOUN(new PromptTemplate("a video of a {}"));

    private final PromptTemplate prompt;

    LabelTarget(final PromptTemplate prompt) {
        this.prompt = prompt;
    }

    /**
     * The default prompt template of the target.
     *
     * @return the template
     */
    public PromptTemplate prompt() {
        return prompt;
    }

    /**
     * The option value.
     *
     * @return {@code verb} or {@code noun}
     */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an option value.
     *
     * @param value {@code verb} or {@code noun}, case-insensitive
     * @return the target
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static LabelTarget ofOptionValue(final String value) {
        for (final LabelTarget t : values()) {
            if (t.optionValue().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("target must be one of "
                + Arrays.stream(values()).map(LabelTarget::optionValue).toList() + ", got '" + value + "'");
    }
}
