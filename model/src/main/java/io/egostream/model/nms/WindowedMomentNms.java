package io.egostream.model.nms;

import java.util.ArrayList;
import java.util.List;

/**
 * Windowed non-maximum suppression of one camera's moment candidates (pure), the streaming stand-in for the
 * Ego4D post-processing of a whole clip. Candidates of successive model steps overlap, so they wait; at each step
 * the caller computes a commit horizon {@code H} (seconds from the stream start) before which no candidate still
 * to come can end or reach back. NMS runs over every pending candidate, and the survivors ending in
 * {@code [previous H, H)} are settled: emitted once, with their score after NMS. A closed stream has
 * {@code H = +infinity}. Used by the analyzer and by the offline measurement of its cost
 * ({@code egostream eval model --streaming-mq}).
 */
public final class WindowedMomentNms {

    /**
     * A moment candidate.
     *
     * @param startSeconds start, seconds from the stream start
     * @param endSeconds end, seconds, after the start
     * @param score class probability before NMS, in [0, 1]
     * @param classId the moment class
     */
    public record Candidate(double startSeconds, double endSeconds, double score, int classId) {
    }

    /**
     * A settled moment.
     *
     * @param source index of the candidate it came from, in the list given to {@link #settle}
     * @param score its score after NMS
     */
    public record Settled(int source, double score) {
    }

    private final NmsConfig nms;

    /**
     * @param nms the suppression (method, sigma, thresholds, most segments kept)
     */
    public WindowedMomentNms(final NmsConfig nms) {
        this.nms = nms;
    }

    /**
     * The moments to settle now.
     *
     * @param pending every pending candidate of the stream
     * @param fromHorizon the previous horizon (moments ending before it were settled before)
     * @param horizon the new horizon ({@code +infinity} for a closed stream)
     * @return the surviving moments ending in {@code [fromHorizon, horizon)}, best score first, scores clamped
     *     to [0, 1]; empty when {@code horizon <= fromHorizon}
     */
    public List<Settled> settle(final List<Candidate> pending, final double fromHorizon, final double horizon) {
        final List<Settled> out = new ArrayList<>();
        if (pending.isEmpty() || !(horizon > fromHorizon)) {
            return out;
        }
        final Candidates.Builder builder = Candidates.builder();
        for (final Candidate c : pending) {
            builder.add((float) c.startSeconds(), (float) c.endSeconds(), (float) c.score(), c.classId());
        }
        final Candidates kept = SegmentNms.apply(builder.build(), nms);
        for (int i = 0; i < kept.size(); i++) {
            final double end = kept.end(i);
            if (end >= fromHorizon && end < horizon) {
                out.add(new Settled(source(pending, kept.start(i), kept.end(i), kept.label(i)),
                        Math.max(0, Math.min(1, kept.score(i)))));
            }
        }
        return out;
    }

    /** The pending candidate a kept segment came from (same class and float32 bounds). */
    private static int source(final List<Candidate> pending, final float start, final float end, final int label) {
        for (int i = 0; i < pending.size(); i++) {
            final Candidate c = pending.get(i);
            if (c.classId() == label && (float) c.startSeconds() == start && (float) c.endSeconds() == end) {
                return i;
            }
        }
        throw new IllegalStateException("NMS returned a segment [" + start + ", " + end + "] of class " + label
                + " that no candidate has");
    }
}
