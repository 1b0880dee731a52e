package io.egostream.model.domain;

/**
 * One class of one classifier head with its score.
 *
 * @param head the classifier head: {@code verb}, {@code noun} (AR, LTA), {@code state_change} (OSCC),
 *     {@code moment} (MQ); lower-case letters and underscores
 * @param label the class name in the head's vocabulary, e.g. {@code take} or {@code knife}
 * @param id the class index in the head's vocabulary, &gt;= 0
 * @param score the class probability, in [0, 1]
 */
public record LabelScore(String head, String label, int id, double score) {

    /** Validates every field. */
    public LabelScore {
        if (head == null || !head.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("head '" + head + "' must be lower-case letters and underscores");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label of head " + head + " must not be blank, got '" + label + "'");
        }
        if (id < 0) {
            throw new IllegalArgumentException("class id of label '" + label + "' must be >= 0, got " + id);
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score of label '" + label + "' must be in [0, 1], got " + score);
        }
    }
}
