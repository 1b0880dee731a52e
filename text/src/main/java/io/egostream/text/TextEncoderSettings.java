package io.egostream.text;

/**
 * How a {@link TextEncoder} batches, caches and truncates.
 *
 * @param maxBatchSize most texts run through the model in one call, in [1, 1024]; a batch is padded to
 *     its longest text and the attention mask hides the padding
 * @param cacheCapacity most distinct texts whose embeddings are kept (least recently used are evicted
 *     first), in [0, 1000000]; 0 disables the cache
 * @param maxTokens word pieces per text, special tokens included, in [2, 512]; longer texts are
 *     truncated (sentence-transformers uses 256 for this model)
 */
public record TextEncoderSettings(int maxBatchSize, int cacheCapacity, int maxTokens) {

    /** The defaults: batches of 32, 4096 cached texts, 256 tokens. */
    public static final TextEncoderSettings DEFAULTS = new TextEncoderSettings(32, 4096, 256);

    /** Validates the settings. */
    public TextEncoderSettings {
        if (maxBatchSize < 1 || maxBatchSize > 1024) {
            throw new IllegalArgumentException(
                    "maxBatchSize must be in [1, 1024], got " + maxBatchSize);
        }
        if (cacheCapacity < 0 || cacheCapacity > 1_000_000) {
            throw new IllegalArgumentException(
                    "cacheCapacity must be in [0, 1000000], got " + cacheCapacity);
        }
        if (maxTokens < 2 || maxTokens > 512) {
            throw new IllegalArgumentException("maxTokens must be in [2, 512], got " + maxTokens);
        }
    }

    /**
     * Returns these settings with another batch size.
     *
     * @param size most texts per model call, in [1, 1024]
     * @return the new settings
     */
    public TextEncoderSettings withMaxBatchSize(final int size) {
        return new TextEncoderSettings(size, cacheCapacity, maxTokens);
    }

    /**
     * Returns these settings with another cache capacity.
     *
     * @param capacity most cached texts, in [0, 1000000]; 0 disables the cache
     * @return the new settings
     */
    public TextEncoderSettings withCacheCapacity(final int capacity) {
        return new TextEncoderSettings(maxBatchSize, capacity, maxTokens);
    }
}
