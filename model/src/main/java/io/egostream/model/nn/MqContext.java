package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The context vector the MQ classifier concatenates to every node ({@code cls_in = [f, context]}).
 *
 * <ul>
 *   <li>{@link Clip} ({@code clip}, the reference): the mean of the projected features of <b>all</b> nodes
 *       of <b>all</b> levels of the node's clip ({@code global_mean_pool(f, video)}). Needs the whole clip.</li>
 *   <li>{@link Trailing} ({@code trailing:W}, the streaming rule of the stream app): the mean over the nodes
 *       of all levels of the same clip whose timestamp {@code p} satisfies {@code p_n - W < p <= p_n}, where
 *       {@code p_n} is the node's own timestamp (seconds, compared in double on the float32 timestamps). It
 *       can be kept exactly with running sums as nodes become final, so the live analyzer never needs the
 *       end of the stream. Computed here with float64 prefix sums over the clip's nodes sorted by time.</li>
 * </ul>
 */
public sealed interface MqContext permits MqContext.Clip, MqContext.Trailing {

    /**
     * @param projected projected features of every node of every level {@code [sum N_d, F]}, level-major
     * @param backbone the backbone output the rows belong to
     * @return the context of every row {@code [sum N_d, F]}
     */
    NDArray apply(NDArray projected, BackboneOutput backbone);

    /** @return the reference rule */
    static MqContext clip() {
        return new Clip();
    }

    /**
     * @param windowSeconds the window {@code W} in seconds, positive
     * @return the streaming rule
     */
    static MqContext trailing(final double windowSeconds) {
        return new Trailing(windowSeconds);
    }

    /**
     * @param text {@code clip} or {@code trailing:W} (W in seconds)
     * @return the rule
     * @throws IllegalArgumentException for any other text, naming it
     */
    static MqContext parse(final String text) {
        if ("clip".equals(text)) {
            return clip();
        }
        if (text != null && text.startsWith("trailing:")) {
            try {
                return trailing(Double.parseDouble(text.substring("trailing:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MQ context '" + text + "': W must be a number of seconds", e);
            }
        }
        throw new IllegalArgumentException("MQ context must be 'clip' or 'trailing:W' (W seconds), got '" + text + "'");
    }

    /** The reference rule: the mean over all nodes of all levels of the clip. */
    record Clip() implements MqContext {
        @Override
        public NDArray apply(final NDArray projected, final BackboneOutput backbone) {
            final long[] video = backbone.graphsVideo();
            final int clips = backbone.clips();
            final int[] count = new int[clips];
            for (final long v : video) {
                count[(int) v]++;
            }
            final float[] matrix = new float[clips * video.length];
            for (int n = 0; n < video.length; n++) {
                matrix[(int) video[n] * video.length + n] = 1f / count[(int) video[n]];
            }
            final NDArray pooled = projected.getManager().create(matrix, new Shape(clips, video.length))
                    .matMul(projected);
            return clips == 1 ? pooled.broadcast(projected.getShape()) : Ops.rows(pooled, video);
        }

        @Override
        public String toString() {
            return "clip";
        }
    }

    /**
     * The streaming rule.
     *
     * @param windowSeconds the trailing window W in seconds
     */
    record Trailing(double windowSeconds) implements MqContext {

        /** Validates the window. */
        public Trailing {
            if (!(windowSeconds > 0) || Double.isInfinite(windowSeconds)) {
                throw new IllegalArgumentException("the MQ trailing context window must be a positive number of"
                        + " seconds, got " + windowSeconds);
            }
        }

        @Override
        public NDArray apply(final NDArray projected, final BackboneOutput backbone) {
            final float[] pos = backbone.graphsPos();
            final long[] video = backbone.graphsVideo();
            final int n = pos.length;
            final Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> video[a] != video[b] ? Long.compare(video[a], video[b])
                    : pos[a] != pos[b] ? Float.compare(pos[a], pos[b]) : Integer.compare(a, b));
            final long[] sorted = new long[n];
            final double[] sortedPos = new double[n];
            final long[] sortedVideo = new long[n];
            for (int k = 0; k < n; k++) {
                sorted[k] = order[k];
                sortedPos[k] = pos[order[k]];
                sortedVideo[k] = video[order[k]];
            }
            final long[] hi = new long[n];
            final long[] lo = new long[n];
            final float[] inverseCount = new float[n];
            for (int i = 0; i < n; i++) {
                final int h = upperBound(sortedVideo, sortedPos, video[i], pos[i]);
                final int l = upperBound(sortedVideo, sortedPos, video[i], pos[i] - windowSeconds);
                hi[i] = h;
                lo[i] = l;
                inverseCount[i] = 1f / (h - l);
            }
            final NDArray f64 = Ops.rows(projected, sorted).toType(DataType.FLOAT64, false);
            final NDArray zero = projected.getManager().zeros(new Shape(1, projected.getShape().get(1)), DataType.FLOAT64);
            final NDArray prefix = zero.concat(f64.cumSum(0), 0);
            final NDArray sum = Ops.rows(prefix, hi).sub(Ops.rows(prefix, lo));
            return sum.toType(DataType.FLOAT32, false).mul(Ops.column(projected, inverseCount));
        }

        /** Number of sorted entries with (video, pos) <= (v, p). */
        private static int upperBound(final long[] videos, final double[] positions, final long v, final double p) {
            int lo = 0;
            int hi = videos.length;
            while (lo < hi) {
                final int mid = (lo + hi) >>> 1;
                if (videos[mid] < v || (videos[mid] == v && positions[mid] <= p)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        public String toString() {
            return "trailing:" + windowSeconds;
        }
    }
}
