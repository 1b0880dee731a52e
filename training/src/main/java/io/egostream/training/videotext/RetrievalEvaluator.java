package io.egostream.training.videotext;

import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text-to-segment and text-to-window retrieval on a corpus (the held-out videos):
 *
 * <ul>
 *   <li><b>text to segment</b>: the gallery is every annotated segment; each distinct narration is a query whose
 *       relevant items are the segments carrying it;</li>
 *   <li><b>text to window</b>: the gallery is every whole window laid end to end (hop = window length, no
 *       overlap); each window's summary is a query whose relevant items are the windows with that summary. Windows
 *       are embedded twice: by the parent level, and by the mean of their chunks' segment embeddings.</li>
 * </ul>
 */
public final class RetrievalEvaluator {

    private RetrievalEvaluator() {
    }

    /**
     * Evaluates a model.
     *
     * @param encoder the model
     * @param corpus the videos
     * @param texts the text embeddings (narrations and summaries are added as needed)
     * @return the report
     */
    public static RetrievalReport evaluate(final VideoTextEncoder encoder, final VideoTextCorpus corpus,
            final TextEmbeddings texts) {
        return new RetrievalReport(textToSegment(encoder, corpus, texts), textToWindow(encoder, corpus, texts, true),
                textToWindow(encoder, corpus, texts, false));
    }

    /**
     * Text-to-segment retrieval.
     *
     * @param encoder the model
     * @param corpus the videos
     * @param texts the text embeddings
     * @return the scores
     */
    public static RetrievalScores textToSegment(final VideoTextEncoder encoder, final VideoTextCorpus corpus,
            final TextEmbeddings texts) {
        final List<SegmentSample> segments = corpus.segments();
        final float[][] gallery = new float[segments.size()][];
        final List<String> captions = new ArrayList<>();
        for (int i = 0; i < gallery.length; i++) {
            final SegmentSample s = segments.get(i);
            gallery[i] = encoder.segmentEmbedding(encoder.segmentState(corpus.frames(s.videoId(), s.firstFrame(),
                    s.frameCount())));
            captions.add(s.narration());
        }
        return byCaption(gallery, captions, texts);
    }

    /**
     * Text-to-window retrieval.
     *
     * @param encoder the model
     * @param corpus the videos
     * @param texts the text embeddings
     * @param parent true: windows embedded by the parent level; false: by the mean of their chunks' embeddings
     * @return the scores
     */
    public static RetrievalScores textToWindow(final VideoTextEncoder encoder, final VideoTextCorpus corpus,
            final TextEmbeddings texts, final boolean parent) {
        final VideoTextConfig c = encoder.config();
        final List<WindowSample> windows = corpus.windows(c.windowChunks());
        final float[][] gallery = new float[windows.size()][];
        final List<String> captions = new ArrayList<>();
        for (int i = 0; i < gallery.length; i++) {
            final WindowSample w = windows.get(i);
            final List<float[]> states = new ArrayList<>();
            final List<float[]> embeddings = new ArrayList<>();
            for (int k = 0; k < w.chunks(); k++) {
                final float[] z = encoder.segmentState(corpus.frames(w.videoId(), (w.firstChunk() + k)
                        * c.chunkFrames(), c.chunkFrames()));
                states.add(z);
                if (!parent) {
                    embeddings.add(encoder.segmentEmbedding(z));
                }
            }
            gallery[i] = parent ? encoder.windowEmbedding(states) : VideoTextEncoder.meanEmbedding(embeddings);
            captions.add(w.summary());
        }
        return byCaption(gallery, captions, texts);
    }

    private static RetrievalScores byCaption(final float[][] gallery, final List<String> captions,
            final TextEmbeddings texts) {
        final Map<String, List<Integer>> byText = new LinkedHashMap<>();
        for (int i = 0; i < captions.size(); i++) {
            byText.computeIfAbsent(captions.get(i), t -> new ArrayList<>()).add(i);
        }
        texts.addAll(byText.keySet());
        final float[][] queries = new float[byText.size()][];
        final List<int[]> relevant = new ArrayList<>();
        int q = 0;
        for (final Map.Entry<String, List<Integer>> e : byText.entrySet()) {
            queries[q++] = texts.of(e.getKey());
            relevant.add(e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        return RetrievalMetrics.score(queries, gallery, relevant);
    }
}
