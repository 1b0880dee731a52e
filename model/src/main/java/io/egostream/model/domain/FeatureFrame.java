package io.egostream.model.domain;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One feature vector of one camera: the unit EgoStream consumes. Frames of a camera come at a fixed stride
 * (1.875 per second for Ego4D EgoVLP features, i.e. one per 16 video frames at 30 fps).
 *
 * <p>The record owns a private copy of the vector: the constructor copies its argument and
 * {@link #features()} returns a copy. Hot paths read without copying through {@link #featureBuffer()}.
 *
 * @param cameraId the camera (see {@link CameraIds}); also the Kafka record key
 * @param sessionId the camera's session, &gt;= 0; frame indices restart at 0 in a new session
 * @param frameIndex the position of the frame in its session, &gt;= 0, gap-free and increasing
 * @param captureTimeMs capture time of the frame in milliseconds since the Unix epoch, &gt;= 0
 * @param features the feature vector, shape {@code [D]} with 1 &lt;= D &lt;= {@value #MAX_DIMENSION}, all finite
 */
public record FeatureFrame(
        String cameraId, long sessionId, long frameIndex, long captureTimeMs, float[] features)
        implements CameraRecord {

    /** Largest feature dimension a frame may have. */
    public static final int MAX_DIMENSION = 65_536;

    /** Validates every field and copies the vector. */
    public FeatureFrame {
        CameraIds.requireValid(cameraId);
        if (sessionId < 0) {
            throw new IllegalArgumentException("session id must be >= 0, got " + sessionId);
        }
        if (frameIndex < 0) {
            throw new IllegalArgumentException("frame index must be >= 0, got " + frameIndex);
        }
        if (captureTimeMs < 0) {
            throw new IllegalArgumentException("capture time must be >= 0 ms, got " + captureTimeMs);
        }
        if (features == null || features.length == 0 || features.length > MAX_DIMENSION) {
            throw new IllegalArgumentException("feature vector must have 1.." + MAX_DIMENSION
                    + " values, got " + (features == null ? "null" : String.valueOf(features.length)));
        }
        features = features.clone();
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new IllegalArgumentException("feature " + i + " of frame " + frameIndex
                        + " of camera '" + cameraId + "' is " + features[i] + "; values must be finite");
            }
        }
    }

    /**
     * A copy of the feature vector.
     *
     * @return a new array, shape {@code [D]}
     */
    @Override
    public float[] features() {
        return features.clone();
    }

    /**
     * A read-only view of the feature vector, without copying.
     *
     * @return a read-only buffer of {@link #dimension()} floats, positioned at 0
     */
    public FloatBuffer featureBuffer() {
        return FloatBuffer.wrap(features).asReadOnlyBuffer();
    }

    /**
     * The feature dimension D.
     *
     * @return the vector length
     */
    public int dimension() {
        return features.length;
    }

    /**
     * One value of the vector.
     *
     * @param i index in {@code [0, D)}
     * @return the value at {@code i}
     */
    public float feature(final int i) {
        return features[i];
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof FeatureFrame that
                && cameraId.equals(that.cameraId)
                && sessionId == that.sessionId
                && frameIndex == that.frameIndex
                && captureTimeMs == that.captureTimeMs
                && Arrays.equals(features, that.features);
    }

    @Override
    public int hashCode() {
        int h = cameraId.hashCode();
        h = 31 * h + Long.hashCode(sessionId);
        h = 31 * h + Long.hashCode(frameIndex);
        h = 31 * h + Long.hashCode(captureTimeMs);
        return 31 * h + Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return "FeatureFrame[cameraId=" + cameraId + ", sessionId=" + sessionId + ", frameIndex=" + frameIndex
                + ", captureTimeMs=" + captureTimeMs + ", dimension=" + features.length + "]";
    }
}
