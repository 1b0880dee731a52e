package io.egostream.training.loss;

/**
 * The exponential moving average of the positive count that divides the MQ losses (ActionFormer):
 * {@code N <- m N + (1 - m) max(positives, 1)}, starting at {@code N = 100} with momentum {@code m = 0.9}.
 * Only training steps update it; evaluation divides by {@code max(positives, 1)}. Mutable, one per run;
 * its value is part of a checkpoint.
 */
public final class LossNormalizer {

    /** Initial value of the average. */
    public static final double INITIAL = 100.0;
    /** Momentum of the average. */
    public static final double MOMENTUM = 0.9;

    private double value;

    /** Starts at {@link #INITIAL}. */
    public LossNormalizer() {
        this(INITIAL);
    }

    /**
     * @param value the current average (from a checkpoint), positive and finite
     */
    public LossNormalizer(final double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("loss normaliser must be positive and finite, got " + value);
        }
        this.value = value;
    }

    /**
     * Updates the average with a training step's positive count.
     *
     * @param positives positive points of the step, {@code >= 0}
     * @return the new average, by which the step's losses are divided
     */
    public double update(final int positives) {
        if (positives < 0) {
            throw new IllegalArgumentException("positive count must be >= 0, got " + positives);
        }
        value = MOMENTUM * value + (1 - MOMENTUM) * Math.max(positives, 1);
        return value;
    }

    /** @return the current average */
    public double value() {
        return value;
    }
}
