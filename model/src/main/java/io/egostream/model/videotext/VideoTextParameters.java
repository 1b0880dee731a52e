package io.egostream.model.videotext;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameters of the video-text network by name, with their shapes (weights {@code [out, in]} as a PyTorch
 * {@code Linear}). With {@code x} a frame {@code [D]}, {@code std(x)} its standardisation over its own values
 * ({@code (x - mean) / sqrt(var + 1e-5)}):
 *
 * <pre>
 * frame          h = ReLU(frame.weight std(x) + frame.bias)                         [H, D], [H]
 * segment        z = ReLU(segment.weight [mean_t h_t, max_t h_t] + segment.bias)    [H, 2H], [H]
 * segment_proj   e = unit(segment_proj.weight z + segment_proj.bias)                [E, H], [E]
 * window_attn    a_i = softmax_i(window_attn.score . tanh(window_attn.weight z_i + window_attn.bias))
 *                                                                                   [H, H], [H], [H]
 * window         u = ReLU(window.weight [sum_i a_i z_i, mean_i z_i] + window.bias)  [H, 2H], [H]
 * window_proj    w = unit(window_proj.weight u + window_proj.bias)                  [E, H], [E]
 * </pre>
 * where {@code unit(v) = v / max(|v|, 1e-12)}.
 */
public final class VideoTextParameters {

    /** Added to the variance when standardising a frame. */
    public static final float STANDARDIZE_EPS = 1e-5f;
    /** Smallest norm an embedding is divided by. */
    public static final float NORM_EPS = 1e-12f;

    private VideoTextParameters() {
    }

    /**
     * The parameter names and shapes, in a fixed order.
     *
     * @param c the sizes
     * @return name to shape
     */
    public static Map<String, long[]> layout(final VideoTextConfig c) {
        final long d = c.inputDim();
        final long h = c.hiddenDim();
        final long e = c.textDim();
        final Map<String, long[]> m = new LinkedHashMap<>();
        m.put("frame.weight", new long[] {h, d});
        m.put("frame.bias", new long[] {h});
        m.put("segment.weight", new long[] {h, 2 * h});
        m.put("segment.bias", new long[] {h});
        m.put("segment_proj.weight", new long[] {e, h});
        m.put("segment_proj.bias", new long[] {e});
        m.put("window_attn.weight", new long[] {h, h});
        m.put("window_attn.bias", new long[] {h});
        m.put("window_attn.score", new long[] {h});
        m.put("window.weight", new long[] {h, 2 * h});
        m.put("window.bias", new long[] {h});
        m.put("window_proj.weight", new long[] {e, h});
        m.put("window_proj.bias", new long[] {e});
        return Collections.unmodifiableMap(m);
    }

    /**
     * Seeded initial values, as PyTorch's {@code Linear} default: every value of a layer with fan-in {@code n}
     * uniform in {@code [-1/sqrt(n), 1/sqrt(n)]} (the attention score vector uses its own length as fan-in). Drawn
     * in layout order from one {@link SplittableRandom}, so the same seed gives the same floats everywhere.
     *
     * @param c the sizes
     * @param seed the seed
     * @return name to flat values (C order)
     */
    public static Map<String, float[]> initial(final VideoTextConfig c, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final Map<String, float[]> out = new LinkedHashMap<>();
        final Map<String, long[]> layout = layout(c);
        for (final Map.Entry<String, long[]> e : layout.entrySet()) {
            final String layer = e.getKey().substring(0, e.getKey().indexOf('.'));
            final long fanIn = layer.equals("window_attn") && e.getKey().endsWith(".score") ? c.hiddenDim()
                    : layout.get(layer + ".weight")[1];
            final double bound = 1.0 / Math.sqrt(fanIn);
            final float[] values = new float[Math.toIntExact(size(e.getValue()))];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    /**
     * The number of values of a shape.
     *
     * @param shape the shape
     * @return the product of its sizes
     */
    public static long size(final long[] shape) {
        long n = 1;
        for (final long s : shape) {
            n *= s;
        }
        return n;
    }
}
