package io.egostream.model.codec;

/**
 * Why a frames-topic record was refused. The decoder gives the reasons up to {@link #TRAILING_BYTES};
 * the analyzer adds the ones after it when a well-formed record does not fit its camera's stream. The enum
 * name is the value of the dead-letter reason header and of the {@code reason} metric label.
 */
public enum RejectReason {
    /** The record value is null (a tombstone) or has no bytes. */
    EMPTY,
    /** The record is longer than {@link FrameWireFormat#MAX_RECORD_BYTES} or declares a dimension above
     * {@link io.egostream.model.domain.FeatureFrame#MAX_DIMENSION}. */
    OVERSIZED,
    /** The first four bytes are not the magic "EGOF". */
    BAD_MAGIC,
    /** The format version byte is not one this decoder reads. */
    UNSUPPORTED_VERSION,
    /** The record kind byte is neither FRAME nor END_OF_STREAM. */
    UNKNOWN_KIND,
    /** The record ends before a field it declares. */
    TRUNCATED,
    /** The camera id is empty, too long, not valid UTF-8, blank or holds control characters. */
    BAD_CAMERA_ID,
    /** The session id, frame index or capture time is negative, or an end-of-stream declares a vector. */
    BAD_FIELD,
    /** The frame's feature dimension is not the one the analyzer expects. */
    DIMENSION_MISMATCH,
    /** The vector holds NaN or an infinity. */
    NON_FINITE,
    /** Bytes follow the end of the record. */
    TRAILING_BYTES,
    /** The Kafka record key differs from the camera id inside the value (given by the analyzer). */
    KEY_MISMATCH,
    /** The frame index repeats one already seen in the session (given by the analyzer). */
    DUPLICATE_INDEX,
    /** The frame index or capture time goes back in time within the session (given by the analyzer). */
    OUT_OF_ORDER
}
