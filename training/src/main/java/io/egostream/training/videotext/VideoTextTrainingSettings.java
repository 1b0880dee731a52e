package io.egostream.training.videotext;

/**
 * How the video-text model is trained.
 *
 * @param epochs passes over the training segments, &gt;= 1
 * @param segmentBatch segments (and narrations) per step, &gt;= 2 (the other rows are the negatives)
 * @param windowBatch windows (and summaries) per step, &gt;= 2
 * @param learningRate peak Adam learning rate, in (0, 10]
 * @param weightDecay L2 decay of the weight matrices (not of biases), in [0, 1]
 * @param warmupEpochs epochs of linear warm-up before the cosine decay, in [0, epochs)
 * @param gradClip largest global gradient norm, 0 for none
 * @param temperature InfoNCE temperature tau, in (0, 10]
 * @param windowWeight weight of the window-level loss; 0 trains the child level alone
 * @param seed seed of the initial weights and of the batch order
 */
public record VideoTextTrainingSettings(int epochs, int segmentBatch, int windowBatch, double learningRate,
        double weightDecay, int warmupEpochs, double gradClip, double temperature, double windowWeight, long seed) {

    /** Validates every field. */
    public VideoTextTrainingSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (segmentBatch < 2 || windowBatch < 2) {
            throw new IllegalArgumentException("segment and window batches must be >= 2, got " + segmentBatch + " and "
                    + windowBatch);
        }
        if (!(learningRate > 0) || learningRate > 10) {
            throw new IllegalArgumentException("learning rate must be in (0, 10], got " + learningRate);
        }
        if (!(weightDecay >= 0) || weightDecay > 1) {
            throw new IllegalArgumentException("weight decay must be in [0, 1], got " + weightDecay);
        }
        if (warmupEpochs < 0 || warmupEpochs >= epochs) {
            throw new IllegalArgumentException("warm-up epochs must be in [0, epochs = " + epochs + "), got "
                    + warmupEpochs);
        }
        if (!(gradClip >= 0) || Double.isInfinite(gradClip)) {
            throw new IllegalArgumentException("gradient clip must be >= 0 (0 = off), got " + gradClip);
        }
        if (!(temperature > 0) || temperature > 10) {
            throw new IllegalArgumentException("temperature must be in (0, 10], got " + temperature);
        }
        if (!(windowWeight >= 0) || Double.isInfinite(windowWeight)) {
            throw new IllegalArgumentException("window loss weight must be >= 0 (0 = child level alone), got "
                    + windowWeight);
        }
    }

    /**
     * The defaults: 20 epochs, 128 segments and 32 windows per step, learning rate 1e-3, decay 1e-4, 1 warm-up
     * epoch, clipping at 5, temperature 0.05, window weight 1.
     *
     * @param seed the seed
     * @return the settings
     */
    public static VideoTextTrainingSettings defaults(final long seed) {
        return new VideoTextTrainingSettings(20, 128, 32, 1e-3, 1e-4, 1, 5.0, 0.05, 1.0, seed);
    }

    /**
     * Whether the window level is trained.
     *
     * @return {@code windowWeight > 0}
     */
    public boolean trainsWindows() {
        return windowWeight > 0;
    }
}
