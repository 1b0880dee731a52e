package io.egostream.training.bench;

import io.egostream.model.synth.PrototypeSource;

/**
 * What {@code egostream benchmark generate} builds.
 *
 * @param source the timelines
 * @param videos how many videos to use (a seeded choice), 0 for all
 * @param seed seed of the video choice, the split, the derived labels and the features (the feature
 *     generator and its class prototypes use it as the simulated cameras use {@code ingest.seed}; the
 *     default 42 equals that key's default, so a model trained on the benchmark sees the same class
 *     directions as the default cameras)
 * @param featureDim feature dimension {@code D} (256, EgoVLP's size and {@code model.feature-dim}'s default)
 * @param clipSeconds length of the clips a video is cut into (Ego4D LTA/MQ clips are 5-8 minutes)
 * @param trainFraction share of the videos in the train split
 * @param valFraction share in the val split (the rest is test)
 * @param prototypes where the generator's class prototypes come from (the cameras' default: random)
 * @param perSplitLimit keep only the first N videos (by id) of each split after splitting, 0 = all: a small
 *     subset whose videos are in the same split as in the full benchmark
 */
public record BenchmarkSettings(BenchmarkSource source, int videos, long seed, int featureDim, double clipSeconds,
        double trainFraction, double valFraction, PrototypeSource prototypes, int perSplitLimit) {

    /** Default seed, equal to the simulated cameras' default {@code ingest.seed}. */
    public static final long DEFAULT_SEED = 42;

    /** Validates every field. */
    public BenchmarkSettings {
        if (perSplitLimit < 0) {
            throw new IllegalArgumentException("--videos-per-split must be >= 0 (0 = all), got " + perSplitLimit);
        }
        if (source == null || prototypes == null) {
            throw new IllegalArgumentException("benchmark source and prototype source must be given");
        }
        if (videos < 0) {
            throw new IllegalArgumentException("--videos must be >= 0 (0 = all), got " + videos);
        }
        if (featureDim < 1 || featureDim > 65536) {
            throw new IllegalArgumentException("--feature-dim must be in [1, 65536], got " + featureDim);
        }
        if (!(clipSeconds >= 30) || clipSeconds > 540) {
            throw new IllegalArgumentException("clip length must be in [30, 540] s (at most 1024 features), got "
                    + clipSeconds);
        }
        if (!(trainFraction > 0) || !(valFraction > 0) || trainFraction + valFraction >= 1) {
            throw new IllegalArgumentException("train and val fractions must be positive and leave room for test, got "
                    + trainFraction + " and " + valFraction);
        }
    }

    /**
     * @param source the timelines
     * @param videos videos to use, 0 for all
     * @param seed the seed
     * @return 256-d features, 300-s clips, 70 / 15 / 15 % of the videos in train / val / test, random
     *     prototypes, every video of each split
     */
    public static BenchmarkSettings defaults(final BenchmarkSource source, final int videos, final long seed) {
        return new BenchmarkSettings(source, videos, seed, 256, 300.0, 0.7, 0.15, PrototypeSource.DEFAULT, 0);
    }
}
