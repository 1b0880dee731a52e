package io.egostream.model.nms;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Batched non-maximum suppression of one video's detections, as the reference {@code batched_nms}
 * (ActionFormer {@code libs/utils/nms.py}, identical in Hier-EgoPack), in float32.
 *
 * <ol>
 *   <li>Multiclass ({@link NmsConfig#classAgnostic()} false): for each class id in ascending order, run
 *       NMS on that class's candidates (in input order) and keep at most {@code maxSegments}; concatenate.
 *       No voting.</li>
 *   <li>Class-agnostic: run NMS once on all candidates, keep at most {@code maxSegments}, then, when
 *       {@code votingThreshold > 0}, refine each kept segment by segment voting over all input candidates.</li>
 *   <li>Sort by score, descending, and keep at most {@code maxSegments}. The sort is stable (ties keep the
 *       concatenation order, i.e. the lower class id first) and puts NaN first, which is what PyTorch's CPU
 *       sort does for up to 16 elements; PyTorch leaves the order of ties unspecified beyond that.</li>
 * </ol>
 * NMS itself is either hard NMS ({@code NMSop}: when {@code minScore > 0}, keep scores strictly above it,
 * then {@code nms_1d}) or the soft-NMS kernel ({@code SoftNMSop}, weights per {@link NmsMethod}). The
 * overlap is {@code inter / (len_i + len_j - inter)} with {@code len = x2 - x1 + 1e-6}, all float32.
 */
public final class SegmentNms {

    private SegmentNms() {
    }

    /**
     * Suppresses overlapping candidates.
     *
     * @param candidates the candidates of one video, any order
     * @param config the NMS setting
     * @return the kept candidates, best score first, at most {@code config.maxSegments()}
     */
    public static Candidates apply(final Candidates candidates, final NmsConfig config) {
        if (candidates.size() == 0) {
            return Candidates.empty();
        }
        final Candidates kept;
        if (!config.classAgnostic()) {
            final TreeSet<Integer> classes = new TreeSet<>();
            for (final int label : candidates.labelColumn()) {
                classes.add(label);
            }
            final List<Candidates> perClass = new ArrayList<>(classes.size());
            for (final int cls : classes) {
                perClass.add(suppress(candidates.select(indicesOf(candidates.labelColumn(), cls)), config));
            }
            kept = Candidates.concat(perClass);
        } else {
            final Candidates suppressed = suppress(candidates, config);
            kept = config.votingThreshold() > 0
                    ? SegmentVoting.refine(suppressed, candidates, (float) config.votingThreshold())
                    : suppressed;
        }
        final int[] order = ScoreOrder.descending(kept.scoreColumn(), kept.size());
        final int n = Math.min(config.maxSegments(), order.length);
        final int[] top = new int[n];
        System.arraycopy(order, 0, top, 0, n);
        return kept.select(top);
    }

    /** {@code NMSop} or {@code SoftNMSop} on one group, capped at {@code maxSegments}. */
    private static Candidates suppress(final Candidates group, final NmsConfig config) {
        if (config.method() == NmsMethod.HARD) {
            Candidates input = group;
            if (config.minScore() > 0) {
                final float floor = (float) config.minScore();
                int count = 0;
                final int[] above = new int[group.size()];
                for (int i = 0; i < group.size(); i++) {
                    if (group.score(i) > floor) {
                        above[count++] = i;
                    }
                }
                final int[] keep = new int[count];
                System.arraycopy(above, 0, keep, 0, count);
                input = group.select(keep);
            }
            final int[] inds = HardNmsKernel.run(input.startColumn(), input.endColumn(), input.scoreColumn(),
                    (float) config.iouThreshold());
            final int n = Math.min(config.maxSegments(), inds.length);
            final int[] top = new int[n];
            System.arraycopy(inds, 0, top, 0, n);
            return input.select(top);
        }
        final SoftNmsKernel.Kept k = SoftNmsKernel.run(group.startColumn(), group.endColumn(), group.scoreColumn(),
                config.method().kernelMethod(), (float) config.iouThreshold(), (float) config.sigma(),
                (float) config.minScore());
        final int n = Math.min(config.maxSegments(), k.size());
        final float[] starts = new float[n];
        final float[] ends = new float[n];
        final float[] scores = new float[n];
        final int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = k.starts()[i];
            ends[i] = k.ends()[i];
            scores[i] = k.scores()[i];
            labels[i] = group.label(k.sourceIndices()[i]);
        }
        return Candidates.wrap(starts, ends, scores, labels);
    }

    private static int[] indicesOf(final int[] labels, final int cls) {
        int count = 0;
        for (final int l : labels) {
            if (l == cls) {
                count++;
            }
        }
        final int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == cls) {
                out[k++] = i;
            }
        }
        return out;
    }
}
