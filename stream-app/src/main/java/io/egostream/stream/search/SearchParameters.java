package io.egostream.stream.search;

import io.egostream.model.videotext.SearchLevel;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The parameters of {@code GET /api/search}, checked. Every problem is an {@link IllegalArgumentException} whose
 * message names the parameter, the value and what is allowed (the HTTP layer answers 400 with it).
 *
 * @param query the search text {@code q}: trimmed, not empty, at most {@code search.max-query-chars} characters
 * @param cameraId {@code camera}: only this camera, or null for all
 * @param sinceCaptureMs {@code since}: only spans ending at or after this capture time, ms since the epoch (given as
 *     ms or as an ISO-8601 instant such as {@code 2024-06-10T08:00:00Z}); {@link Long#MIN_VALUE} when absent
 * @param level {@code level}: {@code segment} (default) or {@code window}
 * @param k {@code k}: results wanted, 1..{@code search.max-results}, default {@value #DEFAULT_K}
 * @param localOnly {@code scope=local}: search this instance's cameras only (how instances ask each other)
 */
public record SearchParameters(String query, String cameraId, long sinceCaptureMs, SearchLevel level, int k,
        boolean localOnly) {

    /** Results returned when {@code k} is absent. */
    public static final int DEFAULT_K = 10;

    /**
     * Reads and checks the request parameters.
     *
     * @param param the request's query parameters by name (null when absent)
     * @param maxQueryChars {@code search.max-query-chars}
     * @param maxResults {@code search.max-results}
     * @return the parameters
     * @throws IllegalArgumentException naming the bad parameter
     */
    public static SearchParameters parse(final Function<String, String> param, final int maxQueryChars,
            final int maxResults) {
        final String raw = param.apply("q");
        if (raw == null) {
            throw new IllegalArgumentException("query parameter q is missing: give the text to search for, e.g. "
                    + "q=cut+onion");
        }
        final String q = raw.strip();
        if (q.isEmpty()) {
            throw new IllegalArgumentException("query parameter q is empty: give the text to search for");
        }
        if (q.length() > maxQueryChars) {
            throw new IllegalArgumentException("query parameter q has " + q.length() + " characters; at most "
                    + maxQueryChars + " are allowed (search.max-query-chars)");
        }
        final String camera = param.apply("camera");
        if (camera != null && camera.isBlank()) {
            throw new IllegalArgumentException("query parameter camera is empty: give a camera id or leave it out");
        }
        final SearchLevel level;
        try {
            level = param.apply("level") == null ? SearchLevel.SEGMENT : SearchLevel.parse(param.apply("level"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("query parameter " + e.getMessage(), e);
        }
        final int k = k(param.apply("k"), maxResults);
        final String scope = param.apply("scope");
        if (scope != null && !scope.equals("local") && !scope.equals("all")) {
            throw new IllegalArgumentException("query parameter scope must be local or all, got '" + scope + "'");
        }
        return new SearchParameters(q, camera, since(param.apply("since")), level, k, "local".equals(scope));
    }

    /**
     * The parameters as a query string (for asking another instance), with {@code scope=local}.
     *
     * @return e.g. {@code q=cut%20onion&level=segment&k=10&scope=local}
     */
    public String toLocalQueryString() {
        final StringBuilder b = new StringBuilder("q=").append(encode(query)).append("&level=").append(level.id())
                .append("&k=").append(k).append("&scope=local");
        if (cameraId != null) {
            b.append("&camera=").append(encode(cameraId));
        }
        if (sinceCaptureMs != Long.MIN_VALUE) {
            b.append("&since=").append(sinceCaptureMs);
        }
        return b.toString();
    }

    /**
     * The parameters as a map of their values (for the response).
     *
     * @return q, camera, since, level, k
     */
    public Map<String, Object> echo() {
        final Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("q", query);
        m.put("camera", cameraId);
        m.put("since", sinceCaptureMs == Long.MIN_VALUE ? null : sinceCaptureMs);
        m.put("level", level.id());
        m.put("k", k);
        return m;
    }

    private static int k(final String value, final int maxResults) {
        if (value == null) {
            return Math.min(DEFAULT_K, maxResults);
        }
        final int k;
        try {
            k = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter k must be an integer in [1, " + maxResults + "], got '"
                    + value + "'", e);
        }
        if (k < 1 || k > maxResults) {
            throw new IllegalArgumentException("query parameter k must be in [1, " + maxResults
                    + "] (search.max-results), got " + k);
        }
        return k;
    }

    private static long since(final String value) {
        if (value == null) {
            return Long.MIN_VALUE;
        }
        final String v = value.strip();
        if (v.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(v);
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("query parameter since must be ms since the epoch or an ISO-8601 instant"
                    + " such as 2024-06-10T08:00:00Z, got '" + value + "'", e);
        }
    }

    private static String encode(final String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
