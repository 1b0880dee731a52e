package io.egostream.model.nn;

/**
 * The pre-NMS decoding settings of the MQ evaluation ({@code EvalMeter._inference}).
 *
 * @param scoreThreshold keep scores strictly above this (reference 0.001), in [0, 1)
 * @param topK keep at most this many candidates per level (reference 5000), positive
 * @param minDurationSeconds keep segments strictly longer than this (reference 0.05 s), non-negative
 */
public record MqDecodeSettings(float scoreThreshold, int topK, float minDurationSeconds) {

    /** Validates the ranges. */
    public MqDecodeSettings {
        if (!(scoreThreshold >= 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("MQ pre-NMS score threshold must be in [0, 1), got " + scoreThreshold);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("MQ pre-NMS top-k must be positive, got " + topK);
        }
        if (!(minDurationSeconds >= 0)) {
            throw new IllegalArgumentException("MQ minimum duration must be >= 0 s, got " + minDurationSeconds);
        }
    }

    /** @return the reference settings: 0.001, 5000, 0.05 s */
    public static MqDecodeSettings reference() {
        return new MqDecodeSettings(0.001f, 5000, 0.05f);
    }
}
