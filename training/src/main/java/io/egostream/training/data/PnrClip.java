package io.egostream.training.data;

import io.egostream.model.eval.KeyframeError;
import java.util.random.RandomGenerator;

/**
 * A state-change clip with a point of no return (model.md section 1, PNR). Evaluation uses the whole
 * window; training takes a random crop of 5 to 8 s starting in the first {@code 8 - length} seconds,
 * widened back to the clip's own start or end when it misses the PNR frame. The window is resampled to
 * {@value #NODES} rows {@code linspace(start // 16, end // 16 - 1, 16)} and the candidates are
 * {@code linspace(start, end, 16, endpoint=False)} (both truncated to integers).
 *
 * <p>(The reference draws the crop offset as {@code np.random.uniform(8 - length)}, whose single argument
 * is the lower bound with 1 as the upper one; this port draws it in {@code [0, 8 - length)}, the evident
 * intent.)
 *
 * @param clip the annotation
 * @param videoFrames feature vectors of the video
 * @param grid the feature grid
 */
public record PnrClip(StateChangeClip clip, int videoFrames, FeatureGrid grid) {

    /** Nodes per PNR graph. */
    public static final int NODES = 16;

    /**
     * @param random the crop's randomness (training), or null for the whole window (evaluation)
     * @return the sample
     */
    public PnrSample sample(final RandomGenerator random) {
        long start = clip.startFrame();
        long end = clip.endFrame();
        if (random != null) {
            final double length = 5 + 3 * random.nextDouble();
            final double cropStart = clip.startSec() + (8 - length) * random.nextDouble();
            start = (long) Math.floor(cropStart * grid.fps());
            final double cropEnd = Math.min(cropStart + length, clip.endSec());
            end = (long) Math.floor(cropEnd * grid.fps());
            if (clip.pnrFrame() > end) {
                end = clip.endFrame();
            }
            if (clip.pnrFrame() < start) {
                start = clip.startFrame();
            }
        }
        final long[] candidates = KeyframeError.candidateFrames(start, end);
        final long stride = grid.strideFrames();
        final long featStart = Math.max(0, Math.floorDiv(start, stride));
        final long featEnd = Math.max(featStart, Math.floorDiv(end, stride));
        final int[] rows = new int[NODES];
        for (int k = 0; k < NODES; k++) {
            final double v = featStart + k * ((featEnd - 1) - featStart) / (double) (NODES - 1);
            rows[k] = (int) Math.min(videoFrames - 1, Math.max(0, (long) v));
        }
        final float[] labels = new float[NODES];
        int best = 0;
        for (int k = 1; k < NODES; k++) {
            if (Math.abs(candidates[k] - clip.pnrFrame()) < Math.abs(candidates[best] - clip.pnrFrame())) {
                best = k;
            }
        }
        labels[best] = 1f;
        return new PnrSample(clip.uniqueId(), clip.videoUid(), rows, candidates, labels, best, clip.pnrFrame(), start,
                end);
    }
}
