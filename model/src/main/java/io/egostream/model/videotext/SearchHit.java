package io.egostream.model.videotext;

import java.util.Comparator;
import java.util.Objects;

/**
 * One search result: an entry and its cosine similarity to the query.
 *
 * @param entry the matching span
 * @param score cosine similarity in [-1, 1] (both vectors are unit)
 */
public record SearchHit(SearchEntry entry, double score) {

    /**
     * Best first: higher score, then camera id, session, level and first frame, so results are deterministic and
     * merging per-instance lists gives the same order as one search over everything.
     */
    public static final Comparator<SearchHit> BEST_FIRST = Comparator.comparingDouble(SearchHit::score).reversed()
            .thenComparing(h -> h.entry().cameraId())
            .thenComparingLong(h -> h.entry().sessionId())
            .thenComparing(h -> h.entry().level())
            .thenComparingLong(h -> h.entry().firstFrame());

    /** Validates the fields. */
    public SearchHit {
        Objects.requireNonNull(entry, "entry");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("search score of camera '" + entry.cameraId() + "' is NaN");
        }
    }
}
