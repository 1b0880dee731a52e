package io.egostream.stream.processor;

import io.egostream.model.nms.NmsConfig;
import io.egostream.model.nms.WindowedMomentNms;
import java.util.ArrayList;
import java.util.List;

/**
 * Windowed NMS of one camera's moment candidates ({@link WindowedMomentNms}) over the analyzer's stored
 * candidates: no candidate still to come can end before the commit horizon {@code H} or reach back across it;
 * every surviving moment with {@code previous H <= end < H} is emitted, once and final. A closed session has
 * {@code H = +infinity}.
 */
final class MomentWindow {

    private final WindowedMomentNms nms;

    MomentWindow(final NmsConfig nms) {
        this.nms = new WindowedMomentNms(nms);
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
        final List<WindowedMomentNms.Candidate> candidates = new ArrayList<>(pending.size());
        for (final MomentCandidate c : pending) {
            candidates.add(new WindowedMomentNms.Candidate(c.startSeconds(), c.endSeconds(), c.score(), c.classId()));
        }
        final List<MomentCandidate> out = new ArrayList<>();
        for (final WindowedMomentNms.Settled s : nms.settle(candidates, fromHorizon, horizon)) {
            final MomentCandidate source = pending.get(s.source());
            out.add(new MomentCandidate(source.sessionId(), source.startSeconds(), source.endSeconds(), s.score(),
                    source.classId(), source.label(), source.frames()));
        }
        return out;
    }
}
