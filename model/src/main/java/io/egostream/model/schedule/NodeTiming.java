package io.egostream.model.schedule;

/**
 * Timestamps of level-0 nodes: frame {@code i} of a camera (counted from the camera's first frame) sits at
 * {@code pos(i) = ((0.5 + i) * stride) / fps} seconds, evaluated in float32 as the reference datasets do
 * ({@code AR.py}: {@code ((0.5 + i) * 16) / 30}). A level-{@code l} node {@code j} keeps the timestamp of
 * level-0 node {@code j * 2^l}.
 *
 * @param stride video frames per feature frame (16 for Ego4D)
 * @param fps video frames per second (30 for Ego4D)
 */
public record NodeTiming(float stride, float fps) {

    /** Validates both values. */
    public NodeTiming {
        if (!(stride > 0) || !Float.isFinite(stride)) {
            throw new IllegalArgumentException("node timing stride must be a positive number of video frames, got "
                    + stride);
        }
        if (!(fps > 0) || !Float.isFinite(fps)) {
            throw new IllegalArgumentException("node timing fps must be a positive number of video frames per second,"
                    + " got " + fps);
        }
    }

    /** @return Ego4D features: one node every 16 video frames at 30 fps (0.5333 s) */
    public static NodeTiming ego4d() {
        return new NodeTiming(16f, 30f);
    }

    /**
     * @param framesPerSecond feature frames per second, e.g. 1.875
     * @return the timing with stride 1 and that rate
     */
    public static NodeTiming ofFramesPerSecond(final double framesPerSecond) {
        return new NodeTiming(1f, (float) framesPerSecond);
    }

    /**
     * @param frame level-0 index, 0-based from the camera's first frame
     * @return its timestamp in seconds (float32)
     */
    public float pos(final long frame) {
        if (frame < 0) {
            throw new IllegalArgumentException("frame index must be non-negative, got " + frame);
        }
        return ((0.5f + frame) * stride) / fps;
    }

    /**
     * @param level backbone level
     * @param index node index at that level
     * @return the node's timestamp, the one of level-0 node {@code index * 2^level}
     */
    public float pos(final int level, final long index) {
        return pos(index << level);
    }

    /** @return seconds between two level-0 nodes */
    public double secondsPerFrame() {
        return (double) stride / fps;
    }

    /**
     * The number of neighbours on each side of a backbone TDGC: the largest {@code m} whose level-scaled
     * distance {@code m * secondsPerFrame} passes the strict float32 radius test {@code d^2 < r^2} (3 for
     * Ego4D nodes and radius 2.0).
     *
     * @param radius the edge radius in level-scaled seconds
     * @return the offsets per side, at least 0
     */
    public int neighbourOffsets(final double radius) {
        final float r2 = (float) (radius * radius);
        int m = 0;
        while (true) {
            final float d = (float) ((m + 1) * secondsPerFrame());
            if (!(d * d < r2)) {
                return m;
            }
            m++;
            if (m > 64) {
                throw new IllegalArgumentException("edge radius " + radius + " s links more than 64 neighbours per"
                        + " side at " + secondsPerFrame() + " s per node");
            }
        }
    }
}
