package io.egostream.stream.inference;

import java.util.Objects;

/**
 * The new work of one camera session in one inference step: frames {@code [firstNew, last]} arrived since the
 * previous step (none when {@code firstNew > last}), and whether the session has closed (end-of-stream or idle
 * timeout) so its tail must be computed with end-of-stream rules.
 *
 * @param session the camera session
 * @param firstNew first frame index not yet given to the inference, &gt;= 0
 * @param last last frame index of the session so far, &gt;= -1 (-1: no frame at all)
 * @param closed whether the session has ended
 * @param history the session's stored frames (every frame the retention keeps, up to {@code last})
 */
public record CameraWork(CameraSession session, long firstNew, long last, boolean closed, FrameHistory history) {

    /** Validates the fields. */
    public CameraWork {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(history, "history");
        if (firstNew < 0 || last < -1 || firstNew > last + 1) {
            throw new IllegalArgumentException("camera work of " + session + " needs 0 <= firstNew <= last + 1, got "
                    + firstNew + " and " + last);
        }
    }

    /**
     * The number of frames in the session so far.
     *
     * @return last + 1
     */
    public long frames() {
        return last + 1;
    }
}
