package io.egostream.stream.search;

/**
 * What the search indexer needs besides the model and the index.
 *
 * @param embeddingStoreName store of final entries ({@code search-embeddings})
 * @param cursorStoreName store of per-camera cursors ({@code search-cursors})
 * @param strideSeconds seconds between two frames (1 / {@code window.frames-per-second})
 * @param idleTimeoutMs stream time without a frame after which a camera's session is closed
 *     ({@code window.idle-timeout-ms})
 */
public record SearchIndexerSettings(String embeddingStoreName, String cursorStoreName, double strideSeconds,
        long idleTimeoutMs) {

    /** Validates the values. */
    public SearchIndexerSettings {
        if (!(strideSeconds > 0) || idleTimeoutMs < 1) {
            throw new IllegalArgumentException("search indexer needs a positive frame stride and idle timeout, got "
                    + strideSeconds + " s and " + idleTimeoutMs + " ms");
        }
    }
}
