package io.egostream.model.videotext;

import java.util.List;

/**
 * The video-text network of {@link VideoTextParameters} in plain Java on float arrays, for evaluation and live
 * search (one frame at a time, no engine). It computes what {@link VideoTextForward} computes (a test keeps the
 * two equal to 1e-5). Thread-safe: it holds only the model's read-only weights.
 */
public final class VideoTextEncoder {

    private final VideoTextConfig config;
    private final float[] frameW;
    private final float[] frameB;
    private final float[] segmentW;
    private final float[] segmentB;
    private final float[] segmentProjW;
    private final float[] segmentProjB;
    private final float[] attnW;
    private final float[] attnB;
    private final float[] attnScore;
    private final float[] windowW;
    private final float[] windowB;
    private final float[] windowProjW;
    private final float[] windowProjB;

    /**
     * @param model the weights
     */
    public VideoTextEncoder(final VideoTextModel model) {
        this.config = model.config();
        this.frameW = model.weight("frame.weight");
        this.frameB = model.weight("frame.bias");
        this.segmentW = model.weight("segment.weight");
        this.segmentB = model.weight("segment.bias");
        this.segmentProjW = model.weight("segment_proj.weight");
        this.segmentProjB = model.weight("segment_proj.bias");
        this.attnW = model.weight("window_attn.weight");
        this.attnB = model.weight("window_attn.bias");
        this.attnScore = model.weight("window_attn.score");
        this.windowW = model.weight("window.weight");
        this.windowB = model.weight("window.bias");
        this.windowProjW = model.weight("window_proj.weight");
        this.windowProjB = model.weight("window_proj.bias");
    }

    /**
     * The sizes.
     *
     * @return the model's configuration
     */
    public VideoTextConfig config() {
        return config;
    }

    /**
     * The frame layer.
     *
     * @param frame one feature frame {@code [D]}
     * @return its hidden vector {@code h}, {@code [H]}
     * @throws IllegalArgumentException when the frame is not D long
     */
    public float[] frameHidden(final float[] frame) {
        if (frame.length != config.inputDim()) {
            throw new IllegalArgumentException("frame has " + frame.length + " features; the video-text model reads "
                    + config.inputDim());
        }
        double mean = 0;
        for (final float v : frame) {
            mean += v;
        }
        final float m = (float) (mean / frame.length);
        double var = 0;
        for (final float v : frame) {
            var += (v - m) * (double) (v - m);
        }
        final float inv = (float) (1.0 / Math.sqrt(var / frame.length + VideoTextParameters.STANDARDIZE_EPS));
        final float[] x = new float[frame.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (frame[i] - m) * inv;
        }
        return relu(linear(frameW, frameB, x, config.hiddenDim()));
    }

    /**
     * The segment layer over accumulated frame hidden vectors.
     *
     * @param pooled the frames' {@link SegmentPooling}, at least one frame
     * @return the segment state {@code z}, {@code [H]}
     */
    public float[] segmentState(final SegmentPooling pooled) {
        if (pooled.frames() == 0) {
            throw new IllegalArgumentException("a segment needs at least one frame");
        }
        return relu(linear(segmentW, segmentB, pooled.meanAndMax(), config.hiddenDim()));
    }

    /**
     * The segment state of a span of frames, read as {@link #sampledFrames} picks them.
     *
     * @param frames the span's frames, each {@code [D]}, at least one
     * @return {@code z}, {@code [H]}
     */
    public float[] segmentState(final List<float[]> frames) {
        final SegmentPooling pooling = new SegmentPooling(config.hiddenDim());
        for (final int i : sampledFrames(frames.size(), config.maxSegmentFrames())) {
            pooling.add(frameHidden(frames.get(i)));
        }
        return segmentState(pooling);
    }

    /**
     * The segment projection.
     *
     * @param state a segment state {@code [H]}
     * @return the unit segment embedding {@code [E]}
     */
    public float[] segmentEmbedding(final float[] state) {
        return unit(linear(segmentProjW, segmentProjB, state, config.textDim()));
    }

    /**
     * The window (parent) level over its chunks' segment states.
     *
     * @param childStates the chunks' states {@code z_i}, each {@code [H]}, at least one
     * @return the unit window embedding {@code [E]}
     */
    public float[] windowEmbedding(final List<float[]> childStates) {
        if (childStates.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one chunk");
        }
        final int h = config.hiddenDim();
        final double[] scores = new double[childStates.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            final float[] t = linear(attnW, attnB, childStates.get(i), h);
            double s = 0;
            for (int j = 0; j < h; j++) {
                s += attnScore[j] * Math.tanh(t[j]);
            }
            scores[i] = (float) s;
            max = Math.max(max, scores[i]);
        }
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            total += scores[i];
        }
        final float[] pooled = new float[2 * h];
        for (int i = 0; i < scores.length; i++) {
            final float a = (float) (scores[i] / total);
            final float[] z = childStates.get(i);
            for (int j = 0; j < h; j++) {
                pooled[j] += a * z[j];
                pooled[h + j] += z[j] / scores.length;
            }
        }
        final float[] u = relu(linear(windowW, windowB, pooled, h));
        return unit(linear(windowProjW, windowProjB, u, config.textDim()));
    }

    /**
     * The child-level stand-in for a window: the normalised mean of its chunks' segment embeddings (what a model
     * trained at the child level alone offers for long spans).
     *
     * @param childEmbeddings unit embeddings {@code [E]}, at least one
     * @return the unit mean {@code [E]}
     */
    public static float[] meanEmbedding(final List<float[]> childEmbeddings) {
        if (childEmbeddings.isEmpty()) {
            throw new IllegalArgumentException("a mean embedding needs at least one embedding");
        }
        final float[] sum = new float[childEmbeddings.get(0).length];
        for (final float[] e : childEmbeddings) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += e[j];
            }
        }
        return unit(sum);
    }

    /**
     * Which frames of a span are read: all when there are at most {@code max}, else {@code max} evenly spaced
     * ones, frame {@code floor((i + 0.5) n / max)} for {@code i = 0..max-1}.
     *
     * @param n frames in the span, &gt;= 1
     * @param max most frames read
     * @return the indices, increasing
     */
    public static int[] sampledFrames(final int n, final int max) {
        if (n < 1) {
            throw new IllegalArgumentException("a segment needs at least one frame, got " + n);
        }
        final int k = Math.min(n, max);
        final int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = n <= max ? i : (int) Math.floor((i + 0.5) * n / max);
        }
        return out;
    }

    /**
     * Scales a vector to unit length.
     *
     * @param v the vector
     * @return {@code v / max(|v|, 1e-12)}, a new array
     */
    public static float[] unit(final float[] v) {
        double ss = 0;
        for (final float x : v) {
            ss += (double) x * x;
        }
        final float n = (float) Math.max(Math.sqrt(ss), VideoTextParameters.NORM_EPS);
        final float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }

    /** {@code W x + b} with {@code W} [out, in] in C order. */
    private static float[] linear(final float[] w, final float[] b, final float[] x, final int out) {
        final int in = x.length;
        final float[] y = new float[out];
        for (int o = 0; o < out; o++) {
            float s = 0;
            final int row = o * in;
            for (int i = 0; i < in; i++) {
                s += w[row + i] * x[i];
            }
            y[o] = s + b[o];
        }
        return y;
    }

    private static float[] relu(final float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0f, v[i]);
        }
        return v;
    }
}
