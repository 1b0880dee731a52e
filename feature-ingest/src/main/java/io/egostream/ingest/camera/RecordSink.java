package io.egostream.ingest.camera;

import io.egostream.model.domain.CameraRecord;

/** Where simulated cameras send their records (the Kafka producer, or a list in tests). */
@FunctionalInterface
public interface RecordSink {

    /**
     * Sends one record; must not block for long (the Kafka producer sends asynchronously).
     *
     * @param record a frame or end-of-stream marker, keyed by its camera id
     */
    void send(CameraRecord record);
}
