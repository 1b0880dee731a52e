package io.egostream.model.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a live moment stream would carry if only detections scoring at least a threshold were emitted as events:
 * how many per minute of video, how many of them are right, and how much of the ground truth they find. This is
 * not a benchmark metric (mAP ranks every detection); it is how the analyzer's emission threshold
 * ({@code nms.emit-min-score}) is chosen.
 *
 * @param minScore the threshold: detections with {@code score >= minScore} count
 * @param emitted detections at or above the threshold
 * @param perMinute {@code emitted} per minute of video
 * @param precision fraction of the emitted detections with tIoU >= {@code tiou} to a ground-truth segment of the
 *     same video and label (several detections may match the same segment); 0 when nothing is emitted
 * @param recall fraction of the ground-truth segments matched with tIoU >= {@code tiou} by an emitted detection
 *     of the same video and label; 0 when there is no ground truth
 * @param tiou the overlap a match needs (ActivityNet tIoU)
 */
public record EmissionStats(double minScore, int emitted, double perMinute, double precision, double recall,
        double tiou) {

    /**
     * Computes the statistics.
     *
     * @param truth the ground truth
     * @param predicted the detections (after NMS)
     * @param videoSeconds total duration of the videos, seconds, positive
     * @param minScore the emission threshold
     * @param tiou the overlap a match needs, in (0, 1]
     * @return the statistics
     * @throws IllegalArgumentException if {@code videoSeconds} is not positive or {@code tiou} not in (0, 1]
     */
    public static EmissionStats of(final List<GroundTruthSegment> truth, final List<PredictedSegment> predicted,
            final double videoSeconds, final double minScore, final double tiou) {
        if (!(videoSeconds > 0)) {
            throw new IllegalArgumentException("videoSeconds must be positive, got " + videoSeconds);
        }
        if (!(tiou > 0 && tiou <= 1)) {
            throw new IllegalArgumentException("tiou must be in (0, 1], got " + tiou);
        }
        final Map<String, List<GroundTruthSegment>> byKey = new HashMap<>();
        for (final GroundTruthSegment g : truth) {
            byKey.computeIfAbsent(g.videoId() + '\u0000' + g.label(), k -> new ArrayList<>()).add(g);
        }
        final Map<GroundTruthSegment, Boolean> found = new HashMap<>();
        int emitted = 0;
        int hits = 0;
        for (final PredictedSegment p : predicted) {
            if (!(p.score() >= minScore)) {
                continue;
            }
            emitted++;
            boolean hit = false;
            for (final GroundTruthSegment g : byKey.getOrDefault(p.videoId() + '\u0000' + p.label(), List.of())) {
                if (TemporalIou.activityNet(p.startSeconds(), p.endSeconds(), g.startSeconds(), g.endSeconds())
                        >= tiou) {
                    hit = true;
                    found.put(g, true);
                }
            }
            hits += hit ? 1 : 0;
        }
        return new EmissionStats(minScore, emitted, emitted / (videoSeconds / 60.0),
                emitted == 0 ? 0 : (double) hits / emitted, truth.isEmpty() ? 0 : (double) found.size() / truth.size(),
                tiou);
    }
}
