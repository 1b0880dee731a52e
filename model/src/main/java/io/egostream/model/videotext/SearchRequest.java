package io.egostream.model.videotext;

import java.util.Objects;

/**
 * What to search for.
 *
 * @param query the unit query embedding {@code [E]}
 * @param cameraId only this camera, or null for every camera
 * @param sinceCaptureMs only spans ending at or after this capture time (ms since the epoch); {@link Long#MIN_VALUE}
 *     for no limit
 * @param level segment or window
 * @param k most results, &gt;= 1
 */
public record SearchRequest(float[] query, String cameraId, long sinceCaptureMs, SearchLevel level, int k) {

    /** Validates the fields. */
    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(level, "level");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }
}
