package io.egostream.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

    @Test
    void shouldEvictLeastRecentlyUsed() {
        final EmbeddingCache cache = new EmbeddingCache(2);
        cache.put("a", new float[] {1});
        cache.put("b", new float[] {2});
        assertNotNull(cache.get("a")); // "b" is now the least recently used
        cache.put("c", new float[] {3});
        assertEquals(2, cache.size());
        assertNull(cache.get("b"));
        assertEquals(1f, cache.get("a")[0]);
        assertEquals(3f, cache.get("c")[0]);
    }

    @Test
    void zeroCapacityShouldKeepNothing() {
        final EmbeddingCache cache = new EmbeddingCache(0);
        cache.put("a", new float[] {1});
        assertEquals(0, cache.size());
        assertNull(cache.get("a"));
    }
}
