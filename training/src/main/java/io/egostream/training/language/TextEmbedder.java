package io.egostream.training.language;

import java.util.List;

/**
 * Turns texts into unit vectors of one width E (the text module's {@code TextEncoder::embed} is one).
 */
@FunctionalInterface
public interface TextEmbedder {

    /**
     * Embeds texts.
     *
     * @param texts N texts
     * @return {@code [N][E]} unit vectors, row i for text i
     */
    float[][] embed(List<String> texts);
}
