package io.egostream.stream.processor;

/**
 * The durable bookkeeping of one camera (store {@code camera-sessions}, key = camera id). Frame indices are the
 * camera's own (absolute); the inference sees them relative to {@code baseIndex}, the first frame of the segment.
 *
 * @param sessionId the camera's current session
 * @param baseIndex the first frame index of the current segment (0 unless the analyzer joined mid-session or
 *     restarted after a long gap)
 * @param lastIndex the last stored frame index, &gt;= baseIndex
 * @param lastCaptureMs capture time of the last frame, ms since the Unix epoch
 * @param nextForInference the first frame index not yet given to the inference, in [baseIndex, lastIndex + 1]
 * @param firstRetained the oldest frame index still in the frame store
 * @param closed whether the session is closed and waits for its tail to be computed
 */
public record CameraState(long sessionId, long baseIndex, long lastIndex, long lastCaptureMs, long nextForInference,
        long firstRetained, boolean closed) {

    /** Validates the invariants. */
    public CameraState {
        if (sessionId < 0 || baseIndex < 0 || lastIndex < baseIndex || nextForInference < baseIndex
                || nextForInference > lastIndex + 1 || firstRetained < baseIndex || firstRetained > lastIndex) {
            throw new IllegalArgumentException("inconsistent camera state: session " + sessionId + ", base "
                    + baseIndex + ", last " + lastIndex + ", next for inference " + nextForInference
                    + ", first retained " + firstRetained);
        }
    }

    /**
     * The state of a new segment starting with one frame.
     *
     * @param sessionId the session
     * @param index the frame index
     * @param captureMs its capture time
     * @return the state
     */
    public static CameraState startingAt(final long sessionId, final long index, final long captureMs) {
        return new CameraState(sessionId, index, index, captureMs, index, index, false);
    }

    /**
     * Whether the inference has work: new frames, or a close to finish.
     *
     * @return true when frames wait for the inference or the session is closed
     */
    public boolean hasWork() {
        return closed || nextForInference <= lastIndex;
    }

    /**
     * After a frame was stored.
     *
     * @param index its index (lastIndex + 1)
     * @param captureMs its capture time
     * @param oldestKept the oldest frame index still stored
     * @return the new state
     */
    public CameraState withFrame(final long index, final long captureMs, final long oldestKept) {
        return new CameraState(sessionId, baseIndex, index, captureMs, nextForInference, oldestKept, closed);
    }

    /**
     * After the inference took every stored frame.
     *
     * @return the new state
     */
    public CameraState inferred() {
        return new CameraState(sessionId, baseIndex, lastIndex, lastCaptureMs, lastIndex + 1, firstRetained, closed);
    }

    /**
     * Marked closed.
     *
     * @return the new state
     */
    public CameraState closing() {
        return new CameraState(sessionId, baseIndex, lastIndex, lastCaptureMs, nextForInference, firstRetained, true);
    }
}
