package io.egostream.model.domain;

/**
 * A time span of one camera session, on two clocks: seconds from the session start (the model's clock;
 * frame i spans [i, i+1) frame strides) and capture time (the camera's wall clock).
 *
 * @param startSeconds start in seconds from the session start, finite, &gt;= 0
 * @param endSeconds end in seconds from the session start, finite, &gt;= startSeconds
 * @param startCaptureTimeMs start as capture time, ms since the Unix epoch, &gt;= 0
 * @param endCaptureTimeMs end as capture time, ms since the Unix epoch, &gt;= startCaptureTimeMs
 */
public record TimeRange(double startSeconds, double endSeconds, long startCaptureTimeMs, long endCaptureTimeMs) {

    /** Validates the bounds. */
    public TimeRange {
        if (!Double.isFinite(startSeconds) || !Double.isFinite(endSeconds) || startSeconds < 0
                || endSeconds < startSeconds) {
            throw new IllegalArgumentException("time range [" + startSeconds + " s, " + endSeconds
                    + " s] must be finite with 0 <= start <= end");
        }
        if (startCaptureTimeMs < 0 || endCaptureTimeMs < startCaptureTimeMs) {
            throw new IllegalArgumentException("capture time range [" + startCaptureTimeMs + ", "
                    + endCaptureTimeMs + "] ms must have 0 <= start <= end");
        }
    }

    /**
     * The length of the span.
     *
     * @return endSeconds - startSeconds
     */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
