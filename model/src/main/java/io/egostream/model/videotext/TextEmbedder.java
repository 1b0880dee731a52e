package io.egostream.model.videotext;

import java.util.List;

/**
 * Turns texts into unit embeddings of the space the video-text model projects into (all-MiniLM-L6-v2's 384-d
 * space in EgoStream: {@code io.egostream.text.TextEncoder::embed} fits). {@code model} does not depend on the
 * text encoder; callers pass it in.
 */
@FunctionalInterface
public interface TextEmbedder {

    /**
     * Embeds texts.
     *
     * @param texts the texts, in order
     * @return one unit vector {@code [E]} per text, in the same order
     */
    float[][] embed(List<String> texts);
}
