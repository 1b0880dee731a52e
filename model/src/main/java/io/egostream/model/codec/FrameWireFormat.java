package io.egostream.model.codec;

import io.egostream.model.domain.CameraIds;
import io.egostream.model.domain.FeatureFrame;

/**
 * Constants of the frame wire format (README section "Frame wire format"). Every multi-byte number is
 * little-endian.
 *
 * <pre>
 * offset      size  field
 * 0           4     magic "EGOF" (0x45 0x47 0x4F 0x46)
 * 4           1     format version, {@value #VERSION}
 * 5           1     record kind: 1 = FRAME, 2 = END_OF_STREAM
 * 6           2     N = camera id length in bytes, unsigned, 1..128
 * 8           N     camera id, UTF-8
 * 8+N         8     session id, int64, &gt;= 0
 * 16+N        8     frame index (FRAME) or frame count (END_OF_STREAM), int64, &gt;= 0
 * 24+N        8     capture time, ms since the Unix epoch, int64, &gt;= 0
 * 32+N        4     D = feature dimension, int32 (0 for END_OF_STREAM)
 * 36+N        4*D   the feature vector, float32, all finite
 * </pre>
 */
public final class FrameWireFormat {

    /** The four magic bytes, ASCII "EGOF". */
    public static final byte[] MAGIC = {0x45, 0x47, 0x4F, 0x46};

    /** The format version this codec writes and reads. */
    public static final byte VERSION = 1;

    /** Bytes before the camera id: magic, version, kind, id length. */
    public static final int PREFIX_BYTES = 8;

    /** Bytes between the camera id and the vector: session id, frame index, capture time, dimension. */
    public static final int FIXED_FIELD_BYTES = 28;

    /** Bytes of a record that are not camera id or vector. */
    public static final int OVERHEAD_BYTES = PREFIX_BYTES + FIXED_FIELD_BYTES;

    /** Largest record the decoder accepts, in bytes: the longest id with the largest vector. */
    public static final int MAX_RECORD_BYTES =
            OVERHEAD_BYTES + CameraIds.MAX_UTF8_BYTES + Float.BYTES * FeatureFrame.MAX_DIMENSION;

    private FrameWireFormat() {}
}
