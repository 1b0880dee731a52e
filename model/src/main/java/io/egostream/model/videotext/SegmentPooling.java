package io.egostream.model.videotext;

import java.util.Arrays;

/**
 * Running mean and max of frame hidden vectors {@code h_t} ({@code [H]} each), the input of the segment layer.
 * A live chunk is pooled frame by frame as frames arrive; its state can be computed at any time. Not
 * thread-safe.
 */
public final class SegmentPooling {

    private final float[] sum;
    private final float[] max;
    private int frames;

    /**
     * An empty pooling.
     *
     * @param hiddenDim H, &gt;= 1
     */
    public SegmentPooling(final int hiddenDim) {
        if (hiddenDim < 1) {
            throw new IllegalArgumentException("hidden dimension must be >= 1, got " + hiddenDim);
        }
        this.sum = new float[hiddenDim];
        this.max = new float[hiddenDim];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
    }

    /**
     * A pooling restored from its saved parts.
     *
     * @param sum the sum of the hidden vectors {@code [H]}
     * @param max their elementwise max {@code [H]}
     * @param frames how many were added, &gt;= 1
     * @return the pooling
     */
    public static SegmentPooling restore(final float[] sum, final float[] max, final int frames) {
        if (sum.length != max.length || frames < 1) {
            throw new IllegalArgumentException("a restored pooling needs sum and max of one length and >= 1 frame, got "
                    + sum.length + ", " + max.length + " and " + frames);
        }
        final SegmentPooling p = new SegmentPooling(sum.length);
        System.arraycopy(sum, 0, p.sum, 0, sum.length);
        System.arraycopy(max, 0, p.max, 0, max.length);
        p.frames = frames;
        return p;
    }

    /**
     * Adds one frame's hidden vector.
     *
     * @param hidden {@code [H]}
     */
    public void add(final float[] hidden) {
        if (hidden.length != sum.length) {
            throw new IllegalArgumentException("hidden vector has " + hidden.length + " values, pooling holds "
                    + sum.length);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += hidden[i];
            max[i] = Math.max(max[i], hidden[i]);
        }
        frames++;
    }

    /**
     * How many frames were added.
     *
     * @return the count
     */
    public int frames() {
        return frames;
    }

    /**
     * The sum of the hidden vectors.
     *
     * @return a copy, {@code [H]}
     */
    public float[] sum() {
        return sum.clone();
    }

    /**
     * The elementwise max of the hidden vectors.
     *
     * @return a copy, {@code [H]}
     */
    public float[] max() {
        return max.clone();
    }

    /**
     * The segment layer's input.
     *
     * @return {@code [mean_t h_t, max_t h_t]}, {@code [2H]}
     */
    public float[] meanAndMax() {
        final int h = sum.length;
        final float[] out = new float[2 * h];
        for (int i = 0; i < h; i++) {
            out[i] = sum[i] / frames;
            out[h + i] = max[i];
        }
        return out;
    }
}
