package io.egostream.model.videotext;

import java.util.Arrays;
import java.util.Locale;

/** The level a search runs at: short segments (chunks) or long windows. */
public enum SearchLevel {
    /** Child level: one entry per chunk of {@code chunkFrames} frames. */
    SEGMENT,
    /** Parent level: one entry per window of {@code windowChunks} chunks. */
    WINDOW;

    /**
     * The lower-case name used in requests and JSON.
     *
     * @return {@code segment} or {@code window}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a level name.
     *
     * @param value {@code segment} or {@code window} (case-insensitive)
     * @return the level
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static SearchLevel parse(final String value) {
        for (final SearchLevel l : values()) {
            if (l.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("level must be one of " + Arrays.stream(values()).map(SearchLevel::id)
                .toList() + ", got '" + value + "'");
    }
}
