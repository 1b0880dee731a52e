package io.egostream.training.videotext;

/**
 * Retrieval on one split.
 *
 * @param textToSegment narration queries against the annotated segments
 * @param textToWindowParent summary queries against whole windows embedded by the parent level
 * @param textToWindowChildMean summary queries against whole windows embedded as the normalised mean of their
 *     chunks' segment embeddings (the child level alone)
 */
public record RetrievalReport(RetrievalScores textToSegment, RetrievalScores textToWindowParent,
        RetrievalScores textToWindowChildMean) {
}
