package io.egostream.config;

import java.util.List;

/**
 * Group {@code ingest}: the simulated cameras that feed the frames topic.
 *
 * @param cameras number of simulated cameras
 * @param speedFactor how many times faster than real time frames are sent
 * @param seed seed of the simulator (same seed, same frames)
 * @param featureDim dimension of the simulated feature vectors
 * @param annotationSource CSV of action annotations the timelines are drawn from; empty = the shipped
 *     EPIC-KITCHENS-100 validation annotations
 */
public record IngestConfig(int cameras, double speedFactor, long seed, int featureDim, String annotationSource) {

    /** {@code ingest.cameras}. */
    public static final ConfigKey CAMERAS = ConfigKey.ofInt("ingest.cameras", 1, 10_000,
            "Number of simulated cameras.");
    /** {@code ingest.speed-factor}. */
    public static final ConfigKey SPEED_FACTOR = ConfigKey.ofPositiveDouble("ingest.speed-factor", 0, 10_000,
            "How many times faster than real time the cameras send frames (1 = 1.875 frames/s per camera).");
    /** {@code ingest.seed}. */
    public static final ConfigKey SEED = ConfigKey.ofLong("ingest.seed", 0, Long.MAX_VALUE,
            "Seed of the simulator: the same seed gives the same timelines and vectors.");
    /** {@code ingest.feature-dim}. */
    public static final ConfigKey FEATURE_DIM = ConfigKey.ofInt("ingest.feature-dim", 1, 65_536,
            "Dimension of the simulated feature vectors; must equal model.feature-dim of the analyzer.");
    /** {@code ingest.annotation-source}. */
    public static final ConfigKey ANNOTATION_SOURCE = ConfigKey.ofString("ingest.annotation-source",
            "[^\\n\\r\\x00]*", "empty, or a file path",
            "CSV of action annotations the simulated timelines are drawn from; empty uses the shipped "
                    + "EPIC-KITCHENS-100 validation annotations.");

    /** Validates every field. */
    public IngestConfig {
        CAMERAS.require(cameras);
        SPEED_FACTOR.require(speedFactor);
        SEED.require(seed);
        FEATURE_DIM.require(featureDim);
        ANNOTATION_SOURCE.require(annotationSource);
    }

    static List<ConfigKey> keys() {
        return List.of(CAMERAS, SPEED_FACTOR, SEED, FEATURE_DIM, ANNOTATION_SOURCE);
    }

    static IngestConfig from(final ConfigValues v) {
        return new IngestConfig(v.intValue(CAMERAS), v.doubleValue(SPEED_FACTOR), v.longValue(SEED),
                v.intValue(FEATURE_DIM), v.string(ANNOTATION_SOURCE));
    }
}
