package io.egostream.training.videotext;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextEncoder;
import java.util.List;

/**
 * A padded batch of frame spans for {@code VideoTextForward.segmentStates}.
 *
 * @param frames {@code [B, L, D]}
 * @param mask {@code [B, L]}, 1 for a frame, 0 for padding
 */
record SegmentBatch(NDArray frames, NDArray mask) {

    /** Segments, each read as {@link VideoTextEncoder#sampledFrames} picks its frames. */
    static SegmentBatch of(final VideoTextCorpus corpus, final List<SegmentSample> samples, final VideoTextConfig c,
            final NDManager m) {
        int l = 1;
        for (final SegmentSample s : samples) {
            l = Math.max(l, Math.min(s.frameCount(), c.maxSegmentFrames()));
        }
        final int d = c.inputDim();
        final float[] flat = new float[samples.size() * l * d];
        final float[] mask = new float[samples.size() * l];
        for (int b = 0; b < samples.size(); b++) {
            final SegmentSample s = samples.get(b);
            final float[][] video = corpus.frames(s.videoId());
            final int[] picked = VideoTextEncoder.sampledFrames(s.frameCount(), c.maxSegmentFrames());
            for (int t = 0; t < picked.length; t++) {
                System.arraycopy(video[s.firstFrame() + picked[t]], 0, flat, (b * l + t) * d, d);
                mask[b * l + t] = 1;
            }
        }
        return new SegmentBatch(m.create(flat, new Shape(samples.size(), l, d)),
                m.create(mask, new Shape(samples.size(), l)));
    }

    /** Every chunk of every window, row {@code b M + k} = chunk k of window b, each whole. */
    static SegmentBatch ofWindowChunks(final VideoTextCorpus corpus, final List<WindowSample> windows,
            final VideoTextConfig c, final NDManager m) {
        final int chunks = windows.get(0).chunks();
        final int cf = c.chunkFrames();
        final int d = c.inputDim();
        final int rows = windows.size() * chunks;
        final float[] flat = new float[rows * cf * d];
        for (int b = 0; b < windows.size(); b++) {
            final WindowSample w = windows.get(b);
            if (w.chunks() != chunks) {
                throw new IllegalArgumentException("windows of one batch must have equal chunk counts");
            }
            final float[][] video = corpus.frames(w.videoId());
            for (int k = 0; k < chunks; k++) {
                final int firstFrame = (w.firstChunk() + k) * cf;
                for (int t = 0; t < cf; t++) {
                    System.arraycopy(video[firstFrame + t], 0, flat, ((b * chunks + k) * cf + t) * d, d);
                }
            }
        }
        return new SegmentBatch(m.create(flat, new Shape(rows, cf, d)), m.ones(new Shape(rows, cf)));
    }
}
