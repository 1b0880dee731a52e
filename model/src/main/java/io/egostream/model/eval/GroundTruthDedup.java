package io.egostream.model.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ActionFormer's {@code remove_duplicate_annotations}: within each video, in order, drop a segment shorter
 * than the tolerance ({@code end - start < tol}) and a segment whose start and end are both within the
 * tolerance of an already kept segment of the same label.
 */
public final class GroundTruthDedup {

    /** ActionFormer's tolerance, 1e-3 (seconds). */
    public static final double TOLERANCE = 1e-3;

    private GroundTruthDedup() {
    }

    /**
     * Removes short and duplicate segments with the 1e-3 tolerance.
     *
     * @param segments the ground truth, in file order
     * @return the kept segments, in the same order
     */
    public static List<GroundTruthSegment> removeDuplicates(final List<GroundTruthSegment> segments) {
        return removeDuplicates(segments, TOLERANCE);
    }

    /**
     * Removes short and duplicate segments.
     *
     * @param segments the ground truth, in file order
     * @param tolerance the tolerance, &gt;= 0
     * @return the kept segments, in the same order
     */
    public static List<GroundTruthSegment> removeDuplicates(final List<GroundTruthSegment> segments,
            final double tolerance) {
        final Map<String, List<GroundTruthSegment>> keptByVideo = new HashMap<>();
        final List<GroundTruthSegment> out = new ArrayList<>(segments.size());
        for (final GroundTruthSegment g : segments) {
            final List<GroundTruthSegment> kept = keptByVideo.computeIfAbsent(g.videoId(), v -> new ArrayList<>());
            boolean valid = g.endSeconds() - g.startSeconds() >= tolerance;
            for (final GroundTruthSegment k : kept) {
                if (Math.abs(g.startSeconds() - k.startSeconds()) <= tolerance
                        && Math.abs(g.endSeconds() - k.endSeconds()) <= tolerance && g.label().equals(k.label())) {
                    valid = false;
                    break;
                }
            }
            if (valid) {
                kept.add(g);
                out.add(g);
            }
        }
        return out;
    }
}
