package io.egostream.model.videotext;

import java.util.Objects;

/**
 * One searchable span of one camera: a chunk (segment level) or a window, with its unit embedding. An entry is
 * identified by camera, session, level and first frame; a provisional entry (its span still growing) is replaced
 * by later versions with the same identity until the final one.
 *
 * @param cameraId the camera, not blank
 * @param sessionId the camera's session, &gt;= 0
 * @param level segment or window
 * @param firstFrame first frame index of the span in the session, &gt;= 0
 * @param lastFrame last frame index (inclusive), &gt;= firstFrame
 * @param startSeconds span start in seconds from the session start
 * @param endSeconds span end in seconds from the session start, &gt;= startSeconds
 * @param startCaptureMs capture time of the first frame, ms since the epoch
 * @param endCaptureMs capture time of the last frame, ms since the epoch, &gt;= startCaptureMs
 * @param isFinal whether every frame of the span has arrived (the embedding never changes again)
 * @param embedding the unit embedding {@code [E]} (kept as given: do not change it)
 */
public record SearchEntry(String cameraId, long sessionId, SearchLevel level, long firstFrame, long lastFrame,
        double startSeconds, double endSeconds, long startCaptureMs, long endCaptureMs, boolean isFinal,
        float[] embedding) {

    /** Validates the fields. */
    public SearchEntry {
        if (cameraId == null || cameraId.isBlank()) {
            throw new IllegalArgumentException("search entry camera id must not be blank, got '" + cameraId + "'");
        }
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(embedding, "embedding");
        if (sessionId < 0 || firstFrame < 0 || lastFrame < firstFrame) {
            throw new IllegalArgumentException("search entry of camera '" + cameraId + "' needs session >= 0 and 0 <= "
                    + "first frame <= last frame, got session " + sessionId + ", frames " + firstFrame + ".."
                    + lastFrame);
        }
        if (!(endSeconds >= startSeconds) || endCaptureMs < startCaptureMs) {
            throw new IllegalArgumentException("search entry of camera '" + cameraId + "' frames " + firstFrame + ".."
                    + lastFrame + " ends before it starts");
        }
    }

    /**
     * Whether another entry is a version of the same span (same camera, session, level and first frame).
     *
     * @param other another entry
     * @return true when they have the same identity
     */
    public boolean sameSpan(final SearchEntry other) {
        return cameraId.equals(other.cameraId) && sessionId == other.sessionId && level == other.level
                && firstFrame == other.firstFrame;
    }
}
