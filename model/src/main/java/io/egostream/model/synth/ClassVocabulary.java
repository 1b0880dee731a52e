package io.egostream.model.synth;

import java.util.List;

/**
 * The class names of a verb/noun annotation set; the class index is the position in the list.
 *
 * @param verbs verb class names, e.g. {@code take}, {@code put}; not empty
 * @param nouns noun class names, e.g. {@code tap}, {@code spoon}; not empty
 */
public record ClassVocabulary(List<String> verbs, List<String> nouns) {

    /** Validates and copies the lists. */
    public ClassVocabulary {
        if (verbs == null || verbs.isEmpty() || nouns == null || nouns.isEmpty()) {
            throw new IllegalArgumentException("a vocabulary needs at least one verb and one noun, got "
                    + (verbs == null ? 0 : verbs.size()) + " verbs and " + (nouns == null ? 0 : nouns.size())
                    + " nouns");
        }
        verbs = List.copyOf(verbs);
        nouns = List.copyOf(nouns);
    }

    /**
     * The number of verb classes.
     *
     * @return verbs.size()
     */
    public int verbCount() {
        return verbs.size();
    }

    /**
     * The number of noun classes.
     *
     * @return nouns.size()
     */
    public int nounCount() {
        return nouns.size();
    }
}
