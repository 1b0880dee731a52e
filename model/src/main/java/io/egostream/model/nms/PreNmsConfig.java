package io.egostream.model.nms;

/**
 * How {@link CandidateDecoder} selects the candidates of one pyramid level before NMS.
 *
 * @param scoreThreshold keep class probabilities strictly above this (compared in float32), in [0, 1]
 * @param topK then keep at most this many of the best, &gt;= 1
 * @param minDuration then keep decoded segments strictly longer than this (float32; grid units for
 *     ActionFormer, seconds for Hier-EgoPack), finite, &gt;= 0
 */
public record PreNmsConfig(double scoreThreshold, int topK, double minDuration) {

    /** Validates every field. */
    public PreNmsConfig {
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
            throw new IllegalArgumentException("pre-NMS scoreThreshold must be in [0, 1], got " + scoreThreshold);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("pre-NMS topK must be >= 1, got " + topK);
        }
        if (!(minDuration >= 0 && Double.isFinite(minDuration))) {
            throw new IllegalArgumentException("pre-NMS minDuration must be finite and >= 0, got " + minDuration);
        }
    }
}
