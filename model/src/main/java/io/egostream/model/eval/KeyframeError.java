package io.egostream.model.eval;

/**
 * PNR (point of no return) keyframe localisation error, in seconds, for one clip scored at 16 frames.
 *
 * <ul>
 *   <li>Ego4D baseline ({@code keyframe_distance}): {@code k = argmax}, mapped to
 *       {@code (end - start) / 16 * k} frames after the clip start (float32, as the reference tensors), and
 *       {@code err = |mapped - (pnr - start)| / fps} with {@code fps = (end - start + 1) / (endSec - startSec)}.</li>
 *   <li>Hier-EgoPack ({@code utils/meters/ego4d/pnr.py}): candidate frames
 *       {@code floor(linspace(start, end, 16, endpoint=False))}; if every raw logit (float32) is below 0.7,
 *       {@code k = argmax}; otherwise {@code k} is the index with a logit above 0.7 closest to index 7, the
 *       first on ties; {@code err = |cf[k] - pnr| / 30}.</li>
 * </ul>
 * {@code argmax} takes the first maximum. When no logit is below 0.7 but none is above it either (some equal
 * 0.7f exactly), the reference fails on an empty {@code argmin}; here {@code k = argmax}.
 */
public final class KeyframeError {

    /** Frames scored per clip, 16 in both references. */
    public static final int FRAMES = 16;
    /** Hier-EgoPack's threshold on raw logits. */
    public static final float HIER_EGOPACK_THRESHOLD = 0.7f;
    /** Hier-EgoPack's preferred index, the middle of the 16 frames. */
    public static final int HIER_EGOPACK_CENTER = 7;
    /** Hier-EgoPack's frame rate, 30 fps (canonical Ego4D video). */
    public static final double HIER_EGOPACK_FPS = 30.0;

    private KeyframeError() {
    }

    /**
     * Ego4D baseline error of one clip.
     *
     * @param scores the 16 keyframe scores
     * @param startFrame clip start frame ({@code parent_start_frame})
     * @param endFrame clip end frame ({@code parent_end_frame})
     * @param pnrFrame the PNR frame ({@code parent_pnr_frame})
     * @param startSeconds clip start ({@code parent_start_sec})
     * @param endSeconds clip end ({@code parent_end_sec}), &gt; startSeconds
     * @return the error in seconds
     */
    public static double ego4dBaseline(final float[] scores, final long startFrame, final long endFrame,
            final long pnrFrame, final double startSeconds, final double endSeconds) {
        checkLength(scores);
        if (!(endSeconds > startSeconds)) {
            throw new IllegalArgumentException("clip end " + endSeconds + " s must be after its start "
                    + startSeconds + " s");
        }
        final int k = argmax(scores);
        final float mapped = (float) (endFrame - startFrame) / FRAMES * k;
        final long gt = pnrFrame - startFrame;
        final double fps = (double) (endFrame - startFrame + 1) / (endSeconds - startSeconds);
        return Math.abs((double) mapped - gt) / fps;
    }

    /**
     * Hier-EgoPack error of one clip at 30 fps.
     *
     * @param logits the 16 raw logits
     * @param startFrame clip start frame
     * @param endFrame clip end frame
     * @param pnrFrame the PNR frame
     * @return the error in seconds
     */
    public static double hierEgoPack(final float[] logits, final long startFrame, final long endFrame,
            final long pnrFrame) {
        final long[] cf = candidateFrames(startFrame, endFrame);
        final int k = hierEgoPackIndex(logits);
        return Math.abs(cf[k] - pnrFrame) / HIER_EGOPACK_FPS;
    }

    /**
     * The index Hier-EgoPack picks.
     *
     * @param logits the 16 raw logits
     * @return an index in [0, 16)
     */
    public static int hierEgoPackIndex(final float[] logits) {
        checkLength(logits);
        boolean allBelow = true;
        for (final float v : logits) {
            allBelow &= v < HIER_EGOPACK_THRESHOLD;
        }
        if (allBelow) {
            return argmax(logits);
        }
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] > HIER_EGOPACK_THRESHOLD
                    && (best < 0 || Math.abs(i - HIER_EGOPACK_CENTER) < Math.abs(best - HIER_EGOPACK_CENTER))) {
                best = i;
            }
        }
        return best < 0 ? argmax(logits) : best;
    }

    /**
     * Hier-EgoPack's candidate frames: {@code floor(i * ((end - start) / 16) + start)} clipped to
     * {@code [start, end]}, as {@code np.linspace(start, end, 16, endpoint=False, dtype=int)}.
     *
     * @param startFrame clip start frame
     * @param endFrame clip end frame, &gt;= startFrame
     * @return 16 frames
     */
    public static long[] candidateFrames(final long startFrame, final long endFrame) {
        if (endFrame < startFrame) {
            throw new IllegalArgumentException("clip end frame " + endFrame + " is before its start frame "
                    + startFrame);
        }
        final double step = ((double) endFrame - (double) startFrame) / FRAMES;
        final long[] cf = new long[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            final long f = (long) Math.floor(i * step + startFrame);
            cf[i] = Math.min(Math.max(f, startFrame), endFrame);
        }
        return cf;
    }

    /**
     * Hier-EgoPack's per-frame labels for AUROC: 1 at the candidate frame nearest the PNR (the first on
     * ties), 0 elsewhere.
     *
     * @param startFrame clip start frame
     * @param endFrame clip end frame
     * @param pnrFrame the PNR frame
     * @return 16 labels
     */
    public static int[] frameLabels(final long startFrame, final long endFrame, final long pnrFrame) {
        final long[] cf = candidateFrames(startFrame, endFrame);
        int best = 0;
        for (int i = 1; i < FRAMES; i++) {
            if (Math.abs(cf[i] - pnrFrame) < Math.abs(cf[best] - pnrFrame)) {
                best = i;
            }
        }
        final int[] labels = new int[FRAMES];
        labels[best] = 1;
        return labels;
    }

    /**
     * The Ego4D baseline's epoch value: the mean over consecutive batches of {@code batchSize} clips (file
     * order) of each batch's mean error over its counted clips; batches without a counted clip are skipped
     * (as its {@code test.py}).
     *
     * @param errors error per clip in seconds {@code [N]} (ignored where not counted)
     * @param counted which clips count (state change) {@code [N]}
     * @param batchSize clips per batch, &gt;= 1
     * @return the mean of batch means; NaN when no clip counts
     */
    public static double meanOfBatchMeans(final double[] errors, final boolean[] counted, final int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (errors.length != counted.length) {
            throw new IllegalArgumentException("errors and counted flags must be equally long, got "
                    + errors.length + " and " + counted.length);
        }
        double sumOfMeans = 0;
        int batches = 0;
        for (int from = 0; from < errors.length; from += batchSize) {
            final int to = Math.min(errors.length, from + batchSize);
            double sum = 0;
            int n = 0;
            for (int i = from; i < to; i++) {
                if (counted[i]) {
                    sum += errors[i];
                    n++;
                }
            }
            if (n > 0) {
                sumOfMeans += sum / n;
                batches++;
            }
        }
        return batches == 0 ? Double.NaN : sumOfMeans / batches;
    }

    private static int argmax(final float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best] || Float.isNaN(values[i]) && !Float.isNaN(values[best])) {
                best = i;
            }
        }
        return best;
    }

    private static void checkLength(final float[] scores) {
        if (scores.length != FRAMES) {
            throw new IllegalArgumentException("PNR needs " + FRAMES + " frame scores per clip, got "
                    + scores.length);
        }
    }
}
