package io.egostream.config;

import java.util.List;

/**
 * Group {@code search}: natural-language search over the cameras' recent video ({@code GET /api/search}).
 *
 * @param enabled whether the analyzer indexes video-text embeddings and answers searches
 * @param modelDir the video-text model directory; empty for the shipped model
 * @param horizonMinutes minutes of capture time kept per camera
 * @param maxQueryChars longest query text, in characters
 * @param maxResults largest {@code k} a search may ask for
 * @param peerTimeoutMs how long a search waits for another instance's answer, ms
 */
public record SearchConfig(boolean enabled, String modelDir, double horizonMinutes, int maxQueryChars,
        int maxResults, int peerTimeoutMs) {

    /** {@code search.enabled}. */
    public static final ConfigKey ENABLED = ConfigKey.ofBoolean("search.enabled",
            "Whether the analyzer keeps per-camera video-text embeddings and answers GET /api/search.");
    /** {@code search.model-dir}. */
    public static final ConfigKey MODEL_DIR = ConfigKey.ofString("search.model-dir", "[^\\n\\r\\x00]*",
            "empty, or a directory path", "Directory of the video-text model (written by egostream train video-text);"
                    + " empty loads the model shipped with EgoStream.");
    /** {@code search.horizon-minutes}. */
    public static final ConfigKey HORIZON_MINUTES = ConfigKey.ofPositiveDouble("search.horizon-minutes", 0.0, 10_080.0,
            "Minutes of capture time whose embeddings each camera keeps for search (state and memory grow with it).");
    /** {@code search.max-query-chars}. */
    public static final ConfigKey MAX_QUERY_CHARS = ConfigKey.ofInt("search.max-query-chars", 1, 10_000,
            "Longest search text in characters; a longer q is refused with 400.");
    /** {@code search.max-results}. */
    public static final ConfigKey MAX_RESULTS = ConfigKey.ofInt("search.max-results", 1, 10_000,
            "Largest k (results per search) a request may ask for.");
    /** {@code search.peer-timeout-ms}. */
    public static final ConfigKey PEER_TIMEOUT_MS = ConfigKey.ofInt("search.peer-timeout-ms", 100, 600_000,
            "How long a search waits for another analyzer instance's answer, ms; a late instance is reported as "
                    + "failed in the response.");
    /** Validates every field. */
    public SearchConfig {
        ENABLED.require(enabled);
        MODEL_DIR.require(modelDir);
        HORIZON_MINUTES.require(horizonMinutes);
        MAX_QUERY_CHARS.require(maxQueryChars);
        MAX_RESULTS.require(maxResults);
        PEER_TIMEOUT_MS.require(peerTimeoutMs);
    }

    /**
     * The horizon.
     *
     * @return {@code horizonMinutes} in ms, at least 1
     */
    public long horizonMs() {
        return Math.max(1, Math.round(horizonMinutes * 60_000));
    }

    static List<ConfigKey> keys() {
        return List.of(ENABLED, MODEL_DIR, HORIZON_MINUTES, MAX_QUERY_CHARS, MAX_RESULTS, PEER_TIMEOUT_MS);
    }

    static SearchConfig from(final ConfigValues v) {
        return new SearchConfig(v.booleanValue(ENABLED), v.string(MODEL_DIR), v.doubleValue(HORIZON_MINUTES),
                v.intValue(MAX_QUERY_CHARS), v.intValue(MAX_RESULTS), v.intValue(PEER_TIMEOUT_MS));
    }
}
