package io.egostream.model.nms;

import java.util.ArrayList;
import java.util.List;

/**
 * Candidate selection and decoding before NMS, per pyramid level, as the reference inference
 * ({@code inference_single_video}, float32):
 * <ol>
 *   <li>keep the probabilities {@code p > scoreThreshold} (point-major order);</li>
 *   <li>sort them by probability, descending (stable, see {@link SegmentNms}), and keep the first
 *       {@code topK};</li>
 *   <li>point {@code = idx / C}, class {@code = idx % C}; segment
 *       {@code [pt - off_start * scale, pt + off_end * scale]};</li>
 *   <li>keep segments with {@code end - start > minDuration};</li>
 * </ol>
 * then concatenate the levels in order.
 */
public final class CandidateDecoder {

    private CandidateDecoder() {
    }

    /**
     * Decodes the candidates of all levels of one video.
     *
     * @param levels the levels, finest first (the order is kept in the output)
     * @param config threshold, top-k per level and minimum duration
     * @return the candidates, level by level, best probability first within a level
     */
    public static Candidates decode(final List<LevelOutput> levels, final PreNmsConfig config) {
        final List<Candidates> parts = new ArrayList<>(levels.size());
        for (final LevelOutput level : levels) {
            parts.add(decodeLevel(level, config));
        }
        return Candidates.concat(parts);
    }

    /**
     * Decodes the candidates of one level.
     *
     * @param level the level's outputs
     * @param config threshold, top-k and minimum duration
     * @return the candidates, best probability first
     */
    public static Candidates decodeLevel(final LevelOutput level, final PreNmsConfig config) {
        final float threshold = (float) config.scoreThreshold();
        final float minDuration = (float) config.minDuration();
        final float[] probs = level.probabilities();
        final int c = level.numClasses();
        int count = 0;
        final int[] above = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] > threshold) {
                above[count++] = i;
            }
        }
        final float[] kept = new float[count];
        for (int k = 0; k < count; k++) {
            kept[k] = probs[above[k]];
        }
        final int[] order = ScoreOrder.descending(kept, count);
        final int top = Math.min(config.topK(), count);
        final Candidates.Builder out = Candidates.builder();
        for (int k = 0; k < top; k++) {
            final int idx = above[order[k]];
            final int pt = idx / c;
            final int cls = idx % c;
            final float pos = level.points()[pt];
            final float scale = level.scales()[pt];
            final float left = pos - level.offsets()[2 * pt] * scale;
            final float right = pos + level.offsets()[2 * pt + 1] * scale;
            if (right - left > minDuration) {
                out.add(left, right, kept[order[k]], cls);
            }
        }
        return out.build();
    }
}
