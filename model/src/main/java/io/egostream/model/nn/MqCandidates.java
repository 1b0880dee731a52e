package io.egostream.model.nn;

/**
 * Decoded MQ candidates before NMS, levels in ascending extent, each level by descending score.
 *
 * @param start segment starts in seconds {@code [K]}
 * @param end segment ends in seconds {@code [K]}
 * @param score sigmoid scores {@code [K]}
 * @param label class per candidate {@code [K]}
 */
public record MqCandidates(float[] start, float[] end, float[] score, long[] label) {

    /** Validates the lengths and copies the arrays. */
    public MqCandidates {
        if (start.length != end.length || start.length != score.length || start.length != label.length) {
            throw new IllegalArgumentException("candidate arrays must have the same length");
        }
        start = start.clone();
        end = end.clone();
        score = score.clone();
        label = label.clone();
    }

    /** @return the number of candidates */
    public int size() {
        return start.length;
    }
}
