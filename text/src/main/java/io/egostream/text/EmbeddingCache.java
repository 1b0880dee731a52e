package io.egostream.text;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded least-recently-used map from text to its embedding. Not thread-safe. */
final class EmbeddingCache {

    private final int capacity;
    private final Map<String, float[]> entries;

    /**
     * Creates an empty cache.
     *
     * @param capacity most entries kept, at least 0 (0 keeps nothing)
     */
    EmbeddingCache(final int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, float[]> eldest) {
                return size() > EmbeddingCache.this.capacity;
            }
        };
    }

    /**
     * Looks a text up and marks it recently used.
     *
     * @param text the text
     * @return its embedding (owned by the cache: do not modify), or {@code null} if absent
     */
    float[] get(final String text) {
        return entries.get(text);
    }

    /**
     * Stores an embedding, evicting the least recently used entry when full.
     *
     * @param text the text
     * @param embedding its embedding; the cache keeps this array
     */
    void put(final String text, final float[] embedding) {
        if (capacity > 0) {
            entries.put(text, embedding);
        }
    }

    /**
     * Returns how many texts are cached.
     *
     * @return the entry count, in [0, capacity]
     */
    int size() {
        return entries.size();
    }
}
