package io.egostream.training.optim;

/**
 * The learning-rate multiplier of the Hier-EgoPack recipes: PyTorch {@code LinearLR(0.001 -> 1)} over the
 * warm-up steps, then {@code CosineAnnealingLR} down to {@code lrMin} over the remaining steps (closed
 * forms). At optimiser step {@code s} (0-based; {@code W} warm-up steps, {@code T} steps in total):
 * <pre>
 * s &lt; W:  lr = base (0.001 + 0.999 s / W)
 * s &gt;= W: lr = lrMin + (base - lrMin) (1 + cos(pi (s - W) / (T - W))) / 2
 * </pre>
 *
 * @param warmupSteps {@code W >= 0}
 * @param totalSteps {@code T > W}
 * @param minLearningRate {@code lrMin >= 0}, the floor of the cosine (reference 1e-8; multi-task 0)
 */
public record LearningRateSchedule(long warmupSteps, long totalSteps, double minLearningRate) {

    /** Start factor of the linear warm-up. */
    public static final double WARMUP_START = 0.001;

    /** Validates the step counts. */
    public LearningRateSchedule {
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("the schedule needs 0 <= warm-up steps < total steps, got "
                    + warmupSteps + " and " + totalSteps);
        }
        if (!(minLearningRate >= 0)) {
            throw new IllegalArgumentException("minimum learning rate must be >= 0, got " + minLearningRate);
        }
    }

    /**
     * @param base the group's peak learning rate
     * @param step the optimiser step, 0-based
     * @return the learning rate of that step
     */
    public double learningRate(final double base, final long step) {
        if (step < warmupSteps) {
            return base * (WARMUP_START + (1 - WARMUP_START) * step / (double) warmupSteps);
        }
        final long t = Math.min(step - warmupSteps, totalSteps - warmupSteps);
        final double floor = Math.min(minLearningRate, base);
        return floor + (base - floor) * (1 + Math.cos(Math.PI * t / (double) (totalSteps - warmupSteps))) / 2;
    }
}
