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
 * @param momentSeq the sequence number of the next moment candidate stored
 * @param momentHorizonSeconds moments ending before this (seconds from the segment's first frame) were emitted
 */
public record CameraState(long sessionId, long baseIndex, long lastIndex, long lastCaptureMs, long nextForInference,
        long firstRetained, boolean closed, long momentSeq, double momentHorizonSeconds) {

    /** Validates the invariants. */
    public CameraState {
        if (sessionId < 0 || baseIndex < 0 || lastIndex < baseIndex || nextForInference < baseIndex
                || nextForInference > lastIndex + 1 || firstRetained < baseIndex || firstRetained > lastIndex
                || momentSeq < 0 || Double.isNaN(momentHorizonSeconds)) {
            throw new IllegalArgumentException("inconsistent camera state: session " + sessionId + ", base "
                    + baseIndex + ", last " + lastIndex + ", next for inference " + nextForInference
                    + ", first retained " + firstRetained + ", moment seq " + momentSeq + ", moment horizon "
                    + momentHorizonSeconds);
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
        return new CameraState(sessionId, index, index, captureMs, index, index, false, 0,
                Double.NEGATIVE_INFINITY);
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
        return new CameraState(sessionId, baseIndex, index, captureMs, nextForInference, oldestKept, closed,
                momentSeq, momentHorizonSeconds);
    }

    /**
     * After the inference took every stored frame and the moments up to a horizon were emitted.
     *
     * @param nextSeq the next moment candidate sequence number
     * @param horizonSeconds the new moment horizon
     * @return the new state
     */
    public CameraState inferred(final long nextSeq, final double horizonSeconds) {
        return new CameraState(sessionId, baseIndex, lastIndex, lastCaptureMs, lastIndex + 1, firstRetained, closed,
                nextSeq, horizonSeconds);
    }

    /**
     * Marked closed.
     *
     * @return the new state
     */
    public CameraState closing() {
        return new CameraState(sessionId, baseIndex, lastIndex, lastCaptureMs, nextForInference, firstRetained, true,
                momentSeq, momentHorizonSeconds);
    }

    /**
     * The capture time of a frame, estimated from the last one at the nominal stride when the frame is no longer
     * stored.
     *
     * @param index the frame index
     * @param strideMs ms between two frames
     * @return capture time, ms since the Unix epoch, &gt;= 0
     */
    public long estimatedCaptureMs(final long index, final double strideMs) {
        return Math.max(0, lastCaptureMs - Math.round((lastIndex - index) * strideMs));
    }
}
