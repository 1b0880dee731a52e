package io.egostream.stream.processor;

import io.egostream.model.nms.Candidates;
import io.egostream.model.nms.NmsConfig;
import io.egostream.model.nms.SegmentNms;
import java.util.ArrayList;
import java.util.List;

/**
 * Windowed NMS of one camera's moment candidates (pure). Candidates of successive model steps overlap, so they
 * wait in the changelogged store; at each step the analyzer computes a commit horizon {@code H} (seconds from the
 * segment start): no candidate still to come can end before {@code H} or reach back across it (the moment
 * look-back). Then NMS runs over the pending candidates, and every surviving moment with
 * {@code previous H <= end < H} is emitted, once and final. A closed session has {@code H = +infinity}.
 */
final class MomentWindow {

    private final NmsConfig nms;

    MomentWindow(final NmsConfig nms) {
        this.nms = nms;
    }

    /**
     * The moments to emit now.
     *
     * @param pending every pending candidate of the session
     * @param fromHorizon the horizon of the previous emission (moments ending before it were emitted)
     * @param horizon the new horizon
     * @return the surviving moments ending in {@code [fromHorizon, horizon)}, best score first, with the score
     *     after NMS
     */
    List<MomentCandidate> emit(final List<MomentCandidate> pending, final double fromHorizon, final double horizon) {
        final List<MomentCandidate> out = new ArrayList<>();
        if (pending.isEmpty() || !(horizon > fromHorizon)) {
            return out;
        }
        final Candidates.Builder builder = Candidates.builder();
        for (final MomentCandidate c : pending) {
            builder.add((float) c.startSeconds(), (float) c.endSeconds(), (float) c.score(), c.classId());
        }
        final Candidates kept = SegmentNms.apply(builder.build(), nms);
        for (int i = 0; i < kept.size(); i++) {
            final double end = kept.end(i);
            if (end >= fromHorizon && end < horizon) {
                final MomentCandidate source = match(pending, kept.start(i), kept.end(i), kept.label(i));
                out.add(new MomentCandidate(source.sessionId(), source.startSeconds(), source.endSeconds(),
                        Math.max(0, Math.min(1, kept.score(i))), source.classId(), source.label(), source.frames()));
            }
        }
        return out;
    }

    /** The pending candidate a kept segment came from (same class and float32 bounds). */
    private static MomentCandidate match(final List<MomentCandidate> pending, final float start, final float end,
            final int label) {
        for (final MomentCandidate c : pending) {
            if (c.classId() == label && (float) c.startSeconds() == start && (float) c.endSeconds() == end) {
                return c;
            }
        }
        throw new IllegalStateException("NMS returned a segment [" + start + ", " + end + "] of class " + label
                + " that no candidate has");
    }
}
