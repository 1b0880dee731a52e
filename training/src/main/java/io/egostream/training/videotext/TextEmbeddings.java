package io.egostream.training.videotext;

import io.egostream.model.videotext.TextEmbedder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The text embeddings of a corpus's narrations and summaries, computed once per distinct text. */
public final class TextEmbeddings {

    private final TextEmbedder embedder;
    private final Map<String, float[]> cache = new HashMap<>();

    /**
     * @param embedder the text encoder
     */
    public TextEmbeddings(final TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /**
     * Embeds every text not embedded yet, in one call.
     *
     * @param texts the texts
     */
    public void addAll(final Collection<String> texts) {
        final List<String> missing = new ArrayList<>();
        for (final String t : new LinkedHashSet<>(texts)) {
            if (!cache.containsKey(t)) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        final float[][] e = embedder.embed(missing);
        if (e.length != missing.size()) {
            throw new IllegalStateException("text encoder returned " + e.length + " embeddings for " + missing.size()
                    + " texts");
        }
        for (int i = 0; i < e.length; i++) {
            cache.put(missing.get(i), e[i]);
        }
    }

    /**
     * One text's embedding (embedding it now if needed).
     *
     * @param text the text
     * @return its unit embedding
     */
    public float[] of(final String text) {
        float[] e = cache.get(text);
        if (e == null) {
            addAll(List.of(text));
            e = cache.get(text);
        }
        return e;
    }

    /**
     * The number of distinct texts embedded.
     *
     * @return the count
     */
    public int size() {
        return cache.size();
    }
}
