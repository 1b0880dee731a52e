package io.egostream.stream.processor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which moments become events (pure). Windowed NMS ({@link MomentWindow}) keeps every candidate the Ego4D
 * post-processing keeps, which is right for mAP (a ranked list) but far too many for a live event stream, so:
 * <ul>
 *   <li>a settled (final) moment is emitted only when its score after NMS is at least {@link #minScore};</li>
 *   <li>every {@link #provisionalHopSeconds} of stream time, a camera's moments that are not settled yet (NMS
 *       over its pending final candidates and the candidates of its provisional MQ nodes, as if the stream ended
 *       now, keeping the moments that end at or after the commit horizon) are emitted as provisional events: the
 *       best {@link #provisionalTopK} with a score of at least {@link #minScore}. A later provisional or final
 *       moment of the same session and class that overlaps one replaces it (README "Moments: windowed NMS").</li>
 * </ul>
 *
 * @param minScore least score after NMS of an emitted moment, in [0, 1]
 * @param provisionalHopSeconds stream seconds between provisional moment emissions of a camera; 0 = never
 * @param provisionalTopK most provisional moments per camera and hop, at least 1
 */
public record MomentEmission(double minScore, double provisionalHopSeconds, int provisionalTopK) {

    /** Checks the ranges. */
    public MomentEmission {
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException("minScore must be in [0, 1], got " + minScore);
        }
        if (!(provisionalHopSeconds >= 0) || Double.isInfinite(provisionalHopSeconds)) {
            throw new IllegalArgumentException("provisionalHopSeconds must be finite and >= 0, got "
                    + provisionalHopSeconds);
        }
        if (provisionalTopK < 1) {
            throw new IllegalArgumentException("provisionalTopK must be at least 1, got " + provisionalTopK);
        }
    }

    /**
     * @param settled the moments windowed NMS settled, any order
     * @return those that are emitted, in the given order
     */
    List<MomentCandidate> finals(final List<MomentCandidate> settled) {
        final List<MomentCandidate> out = new ArrayList<>();
        for (final MomentCandidate m : settled) {
            if (m.score() >= minScore) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * @param lastEmittedSeconds stream time of the camera's last provisional emission, or NaN for none
     * @param newestSeconds the camera's newest stream time
     * @return whether provisional moments are due
     */
    boolean provisionalDue(final double lastEmittedSeconds, final double newestSeconds) {
        return provisionalHopSeconds > 0
                && (Double.isNaN(lastEmittedSeconds) || newestSeconds - lastEmittedSeconds >= provisionalHopSeconds);
    }

    /**
     * @param unsettled the moments NMS keeps that end at or after the commit horizon
     * @return the provisional moments to emit: score at least {@link #minScore}, the best
     *     {@link #provisionalTopK}, best first (ties: earlier start first)
     */
    List<MomentCandidate> provisionals(final List<MomentCandidate> unsettled) {
        final List<MomentCandidate> kept = new ArrayList<>(finals(unsettled));
        kept.sort(Comparator.comparingDouble(MomentCandidate::score).reversed()
                .thenComparingDouble(MomentCandidate::startSeconds));
        return kept.subList(0, Math.min(provisionalTopK, kept.size()));
    }
}
