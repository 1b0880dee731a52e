package io.egostream.training.language;

/**
 * What every compared head gets: the same epochs over the same examples in the same batches, Adam with the
 * same learning rate and weight decay (none on 1-D arrays), linear warm-up then cosine to 0, gradient norm
 * clipped at 1.
 *
 * @param epochs passes over the training examples, 1..10000
 * @param batchSize examples per step, 1..65536
 * @param learningRate peak Adam learning rate, in (0, 1]
 * @param weightDecay L2 weight decay of the matrices, in [0, 1]
 * @param warmupEpochs epochs of linear warm-up, in [0, epochs)
 * @param seed seeds initialisation and batch order
 */
public record TrainingBudget(int epochs, int batchSize, double learningRate, double weightDecay, int warmupEpochs,
        long seed) {

    /** Validates every field. */
    public TrainingBudget {
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("epochs must be in [1, 10000], got " + epochs);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("batch size must be in [1, 65536], got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw new IllegalArgumentException("weight decay must be in [0, 1], got " + weightDecay);
        }
        if (warmupEpochs < 0 || warmupEpochs >= epochs) {
            throw new IllegalArgumentException("warm-up epochs must be in [0, " + epochs + "), got " + warmupEpochs);
        }
    }

    /**
     * The budget of the README's comparisons.
     *
     * @param seed the seed
     * @return 30 epochs, batches of 256, learning rate 1e-3, weight decay 1e-4, 2 warm-up epochs
     */
    public static TrainingBudget defaults(final long seed) {
        return new TrainingBudget(30, 256, 1e-3, 1e-4, 2, seed);
    }
}
