package io.egostream.model.domain;

/**
 * One record a camera sends on the frames topic: a {@link FeatureFrame} or the {@link EndOfStream}
 * marker that closes its session.
 */
public sealed interface CameraRecord permits FeatureFrame, EndOfStream {

    /**
     * The camera that sent the record; also the Kafka record key.
     *
     * @return the camera id (see {@link CameraIds})
     */
    String cameraId();

    /**
     * The camera's session: a camera that restarts begins a new session and counts frames from 0 again.
     *
     * @return the session id, &gt;= 0
     */
    long sessionId();

    /**
     * When the record was made on the camera.
     *
     * @return capture time in milliseconds since the Unix epoch, &gt;= 0
     */
    long captureTimeMs();
}
