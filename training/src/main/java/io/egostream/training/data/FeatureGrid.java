package io.egostream.training.data;

/**
 * The time grid of the features (model.md section 1, EgoVLP): one vector per {@code stride} video frames at
 * {@code fps}; feature {@code i} covers frames {@code [i stride, (i + 1) stride)}.
 *
 * @param strideFrames video frames per feature vector (16)
 * @param fps video frames per second (30)
 */
public record FeatureGrid(int strideFrames, double fps) {

    /** The Ego4D EgoVLP grid: 16 frames at 30 fps, 1.875 features per second. */
    public static final FeatureGrid EGOVLP = new FeatureGrid(16, 30.0);

    /** Validates the grid. */
    public FeatureGrid {
        if (strideFrames < 1 || !(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("feature grid needs a stride >= 1 frame and a positive fps, got "
                    + strideFrames + " and " + fps);
        }
    }

    /** @return seconds between two feature vectors (0.5333 s for EgoVLP) */
    public double strideSeconds() {
        return strideFrames / fps;
    }

    /**
     * @param i node index inside a clip
     * @return the node's timestamp {@code (0.5 + i) stride / fps} in seconds (AR, OSCC, MQ, LTA)
     */
    public float centre(final int i) {
        return (float) ((0.5 + i) * strideFrames / fps);
    }

    /**
     * A position relative to a clip, in seconds, on the grid the reference uses:
     * {@code (frame - clipStart + clipStart % stride) / fps}.
     *
     * @param frame a video frame
     * @param clipStartFrame the clip's first frame
     * @return seconds from the start of the clip's first feature window
     */
    public float relativeSeconds(final long frame, final long clipStartFrame) {
        return (float) ((frame - clipStartFrame + Math.floorMod(clipStartFrame, strideFrames)) / fps);
    }
}
