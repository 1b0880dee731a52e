package io.egostream.model.nms;

/**
 * Conversion of kept segments to seconds and clamping to the video, float32 as the reference
 * {@code postprocessing}. ActionFormer converts from feature-grid units and clamps; Hier-EgoPack already
 * works in seconds and only clamps.
 */
public final class SegmentTime {

    private SegmentTime() {
    }

    /**
     * Converts segments from feature-grid units to seconds:
     * {@code sec = (grid * featStride + 0.5 * numFrames) / fps}, in float32.
     *
     * @param candidates segments in grid units
     * @param featStride frames between features (e.g. 16), &gt;= 1
     * @param numFrames frames per feature window (e.g. 32), &gt;= 1
     * @param fps frames per second, finite, &gt; 0
     * @return the same candidates with segments in seconds
     */
    public static Candidates gridToSeconds(final Candidates candidates, final int featStride, final int numFrames,
            final double fps) {
        if (featStride < 1 || numFrames < 1) {
            throw new IllegalArgumentException("featStride and numFrames must be >= 1, got " + featStride + " and "
                    + numFrames);
        }
        if (!(fps > 0 && Double.isFinite(fps))) {
            throw new IllegalArgumentException("fps must be finite and > 0, got " + fps);
        }
        final float stride = featStride;
        final float offset = (float) (0.5 * numFrames);
        final float rate = (float) fps;
        final int n = candidates.size();
        final float[] starts = new float[n];
        final float[] ends = new float[n];
        for (int i = 0; i < n; i++) {
            starts[i] = (candidates.start(i) * stride + offset) / rate;
            ends[i] = (candidates.end(i) * stride + offset) / rate;
        }
        return Candidates.wrap(starts, ends, candidates.scores(), candidates.labels());
    }

    /**
     * Clamps segment bounds to {@code [0, duration]} as the reference: values {@code <= 0} become
     * {@code value * 0} (0, or -0.0 for negative values), then values {@code >= duration} become
     * {@code duration} (float32).
     *
     * @param candidates segments in seconds
     * @param durationSeconds the video duration, finite, &gt;= 0
     * @return the same candidates with clamped segments
     */
    public static Candidates clampToDuration(final Candidates candidates, final double durationSeconds) {
        if (!(durationSeconds >= 0 && Double.isFinite(durationSeconds))) {
            throw new IllegalArgumentException("duration must be finite and >= 0 s, got " + durationSeconds);
        }
        final float d = (float) durationSeconds;
        final int n = candidates.size();
        final float[] starts = new float[n];
        final float[] ends = new float[n];
        for (int i = 0; i < n; i++) {
            starts[i] = clamp(candidates.start(i), d);
            ends[i] = clamp(candidates.end(i), d);
        }
        return Candidates.wrap(starts, ends, candidates.scores(), candidates.labels());
    }

    private static float clamp(final float value, final float duration) {
        float v = value <= 0f ? value * 0f : value;
        if (v >= duration) {
            v = v * 0f + duration;
        }
        return v;
    }
}
