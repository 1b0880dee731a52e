package io.egostream.training.loss;

/**
 * The MQ training targets of every point (node of every level), in the order of the head's outputs.
 *
 * @param points number of points {@code N}
 * @param classes number of classes {@code C}
 * @param classTargets multi-hot class targets, {@code [N, C]} row-major; all zero for a negative point
 * @param regressionTargets (left, right) offsets of the assigned moment in units of the point's extent
 *     {@code 2^level} seconds, {@code [N, 2]} row-major; zero for a negative point
 * @param positive whether each point has a moment assigned, {@code [N]}
 * @param positiveCount the number of positive points
 */
public record MqTargets(int points, int classes, float[] classTargets, float[] regressionTargets,
        boolean[] positive, int positiveCount) {

    /** Validates the array sizes. */
    public MqTargets {
        if (classTargets.length != (long) points * classes || regressionTargets.length != 2L * points
                || positive.length != points) {
            throw new IllegalArgumentException("targets of " + points + " points and " + classes
                    + " classes need arrays of " + (long) points * classes + ", " + 2L * points + " and " + points
                    + " entries, got " + classTargets.length + ", " + regressionTargets.length + " and "
                    + positive.length);
        }
    }

    /** @return the indices of the positive points, ascending */
    public long[] positiveIndices() {
        final long[] out = new long[positiveCount];
        int k = 0;
        for (int i = 0; i < points; i++) {
            if (positive[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** @return the regression targets of the positive points, {@code [P, 2]} row-major */
    public float[] positiveRegressionTargets() {
        final float[] out = new float[2 * positiveCount];
        int k = 0;
        for (int i = 0; i < points; i++) {
            if (positive[i]) {
                out[k++] = regressionTargets[2 * i];
                out[k++] = regressionTargets[2 * i + 1];
            }
        }
        return out;
    }
}
