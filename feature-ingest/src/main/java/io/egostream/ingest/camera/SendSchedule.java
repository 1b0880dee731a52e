package io.egostream.ingest.camera;

/**
 * When each camera sends its frames: camera c (0-based, of n) sends its k-th frame at
 * {@code startMs + (k + c / n) * strideMs / speedFactor}, so cameras are spread evenly over a stride. The
 * capture time of a frame is its scheduled time, so capture times follow the wall clock (never ahead of it) and
 * increase per camera.
 *
 * @param startMs when the schedule starts, ms since the Unix epoch
 * @param strideMs time between two frames of a camera at real time, ms (533.33 for 1.875 frames/s)
 * @param speedFactor how many times faster than real time, &gt; 0
 * @param cameras number of cameras, &gt;= 1
 */
public record SendSchedule(long startMs, double strideMs, double speedFactor, int cameras) {

    /** Validates the fields. */
    public SendSchedule {
        if (!(strideMs > 0) || !(speedFactor > 0) || cameras < 1) {
            throw new IllegalArgumentException("send schedule needs stride > 0 ms, speed factor > 0 and >= 1 camera, "
                    + "got " + strideMs + " ms, " + speedFactor + ", " + cameras);
        }
    }

    /**
     * When a frame is due.
     *
     * @param camera 0-based camera position
     * @param frame 0-based frame count of that camera
     * @return the due time, ms since the Unix epoch
     */
    public long dueMs(final int camera, final long frame) {
        return startMs + (long) Math.floor((frame + (double) camera / cameras) * strideMs / speedFactor);
    }
}
