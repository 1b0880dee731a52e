package io.egostream.ingest.camera;

import io.egostream.config.IngestConfig;

/**
 * What the simulated cameras do.
 *
 * @param cameras number of cameras, 1..10000; ids are {@code cameraPrefix + "-" + n}, n = 1..cameras
 * @param speedFactor how many times faster than real time frames are sent, in (0, 10000]; at 1 each camera
 *     sends 1.875 frames per second
 * @param seed seed of playlists and feature vectors
 * @param featureDim dimension of the feature vectors, 1..65536
 * @param endOfStream whether a camera sends an end-of-stream marker when a video (session) ends
 * @param framesPerCamera frames each camera sends before it stops, or 0 to run until stopped
 * @param cameraPrefix prefix of the camera ids, e.g. {@code camera}
 */
public record SimulationSettings(int cameras, double speedFactor, long seed, int featureDim, boolean endOfStream,
        long framesPerCamera, String cameraPrefix) {

    /** Validates every field. */
    public SimulationSettings {
        if (cameras < 1 || cameras > 10_000) {
            throw new IllegalArgumentException("number of cameras must be in [1, 10000], got " + cameras);
        }
        if (!(speedFactor > 0 && speedFactor <= 10_000)) {
            throw new IllegalArgumentException("speed factor must be in (0, 10000], got " + speedFactor);
        }
        if (featureDim < 1 || featureDim > 65_536) {
            throw new IllegalArgumentException("feature dimension must be in [1, 65536], got " + featureDim);
        }
        if (framesPerCamera < 0) {
            throw new IllegalArgumentException("frames per camera must be >= 0 (0 = unlimited), got "
                    + framesPerCamera);
        }
        if (cameraPrefix == null || !cameraPrefix.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("camera prefix must be 1-64 of A-Z a-z 0-9 . _ -, got '"
                    + cameraPrefix + "'");
        }
    }

    /**
     * The settings of the {@code ingest} configuration group: unlimited frames, end-of-stream markers on,
     * camera ids {@code camera-1 ... camera-N}.
     *
     * @param ingest the configuration group
     * @return the settings
     */
    public static SimulationSettings from(final IngestConfig ingest) {
        return new SimulationSettings(ingest.cameras(), ingest.speedFactor(), ingest.seed(), ingest.featureDim(),
                true, 0, "camera");
    }

    /**
     * The same settings with another number of cameras.
     *
     * @param count cameras, 1..10000
     * @return new settings
     */
    public SimulationSettings withCameras(final int count) {
        return new SimulationSettings(count, speedFactor, seed, featureDim, endOfStream, framesPerCamera,
                cameraPrefix);
    }

    /**
     * The same settings with another speed factor.
     *
     * @param factor in (0, 10000]
     * @return new settings
     */
    public SimulationSettings withSpeedFactor(final double factor) {
        return new SimulationSettings(cameras, factor, seed, featureDim, endOfStream, framesPerCamera, cameraPrefix);
    }

    /**
     * The same settings with a frame budget per camera.
     *
     * @param frames frames per camera, or 0 for unlimited
     * @return new settings
     */
    public SimulationSettings withFramesPerCamera(final long frames) {
        return new SimulationSettings(cameras, speedFactor, seed, featureDim, endOfStream, frames, cameraPrefix);
    }

    /**
     * The id of the n-th camera.
     *
     * @param n 1..cameras
     * @return e.g. {@code camera-3}
     */
    public String cameraId(final int n) {
        return cameraPrefix + "-" + n;
    }
}
