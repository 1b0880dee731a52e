package io.egostream.config;

import java.util.List;

/**
 * Group {@code training}: optimisation of the model. Defaults are the Hier-EgoPack values (Adam, linear
 * warm-up then cosine decay).
 *
 * @param seed seed of initialisation, shuffling and dropout
 * @param epochs training epochs
 * @param batchSize samples per optimiser step
 * @param learningRate peak learning rate after warm-up
 * @param weightDecay L2 weight decay (not applied to 1-D parameters)
 * @param warmupEpochs epochs of linear warm-up
 * @param gradClip largest gradient norm; 0 = no clipping
 */
public record TrainingConfig(
        long seed, int epochs, int batchSize, double learningRate, double weightDecay, int warmupEpochs,
        double gradClip) {

    /** {@code training.seed}. */
    public static final ConfigKey SEED = ConfigKey.ofLong("training.seed", 0, Long.MAX_VALUE,
            "Seed of initialisation, shuffling and dropout: the same seed gives the same model.");
    /** {@code training.epochs}. */
    public static final ConfigKey EPOCHS = ConfigKey.ofInt("training.epochs", 1, 10_000,
            "Training epochs.");
    /** {@code training.batch-size}. */
    public static final ConfigKey BATCH_SIZE = ConfigKey.ofInt("training.batch-size", 1, 4096,
            "Samples per optimiser step.");
    /** {@code training.learning-rate}. */
    public static final ConfigKey LEARNING_RATE = ConfigKey.ofPositiveDouble("training.learning-rate", 0, 10,
            "Peak learning rate of Adam, reached after warm-up, then cosine decay.");
    /** {@code training.weight-decay}. */
    public static final ConfigKey WEIGHT_DECAY = ConfigKey.ofDouble("training.weight-decay", 0, 1,
            "L2 weight decay; 1-D parameters (biases, norms) get none.");
    /** {@code training.warmup-epochs}. */
    public static final ConfigKey WARMUP_EPOCHS = ConfigKey.ofInt("training.warmup-epochs", 0, 10_000,
            "Epochs of linear learning-rate warm-up (from 0.001x to 1x); at most training.epochs.");
    /** {@code training.grad-clip}. */
    public static final ConfigKey GRAD_CLIP = ConfigKey.ofDouble("training.grad-clip", 0, 1e6,
            "Largest global gradient norm; 0 turns clipping off.");

    /** Validates every field and that warm-up fits in training. */
    public TrainingConfig {
        SEED.require(seed);
        EPOCHS.require(epochs);
        BATCH_SIZE.require(batchSize);
        LEARNING_RATE.require(learningRate);
        WEIGHT_DECAY.require(weightDecay);
        WARMUP_EPOCHS.require(warmupEpochs);
        GRAD_CLIP.require(gradClip);
        if (warmupEpochs > epochs) {
            throw new ConfigException(WARMUP_EPOCHS.name(), "Invalid value for " + WARMUP_EPOCHS.name() + ": "
                    + warmupEpochs + ". Allowed: at most " + EPOCHS.name() + " (" + epochs + ").");
        }
    }

    static List<ConfigKey> keys() {
        return List.of(SEED, EPOCHS, BATCH_SIZE, LEARNING_RATE, WEIGHT_DECAY, WARMUP_EPOCHS, GRAD_CLIP);
    }

    static TrainingConfig from(final ConfigValues v) {
        return new TrainingConfig(v.longValue(SEED), v.intValue(EPOCHS), v.intValue(BATCH_SIZE),
                v.doubleValue(LEARNING_RATE), v.doubleValue(WEIGHT_DECAY), v.intValue(WARMUP_EPOCHS),
                v.doubleValue(GRAD_CLIP));
    }
}
