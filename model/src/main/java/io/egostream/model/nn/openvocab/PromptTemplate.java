package io.egostream.model.nn.openvocab;

/**
 * A prompt template: the text a class name is written into before it is embedded, with {@code {}} where
 * the name goes, e.g. {@code "a photo of a {}"}.
 *
 * @param pattern the template; contains {@code {}} exactly once
 */
public record PromptTemplate(String pattern) {

    /** Where the class name goes. */
    public static final String SLOT = "{}";

    /** Validates the pattern. */
    public PromptTemplate {
        if (pattern == null || pattern.indexOf(SLOT) < 0 || pattern.indexOf(SLOT) != pattern.lastIndexOf(SLOT)) {
            throw new IllegalArgumentException("prompt template must contain {} exactly once, got '" + pattern + "'");
        }
    }

    /**
     * Writes a label into the template.
     *
     * @param label a class name or free-text label, e.g. {@code pour water}; not blank
     * @return the prompt, e.g. {@code a person is going to pour water}
     * @throws IllegalArgumentException when the label is blank
     */
    public String apply(final String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank, got '" + label + "'");
        }
        return pattern.replace(SLOT, label.strip());
    }
}
