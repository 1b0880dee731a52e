package io.egostream.model.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureFrameCodecTest {

    private static final int DIM = 4;
    private final FeatureFrameCodec codec = FeatureFrameCodec.forDimension(DIM);

    private static FeatureFrame frame() {
        return new FeatureFrame("cam-1", 7L, 42L, 1_700_000_000_123L, new float[] {0.5f, -1.25f, 3e-8f, 1e30f});
    }

    private static DecodeResult.Rejected rejected(final DecodeResult result) {
        return assertInstanceOf(DecodeResult.Rejected.class, result, () -> "expected a rejection, got " + result);
    }

    @Test
    void shouldRoundTripFrame() {
        final FeatureFrame frame = frame();
        final byte[] bytes = FeatureFrameCodec.encode(frame);
        assertEquals(FeatureFrameCodec.encodedSize(frame), bytes.length);
        assertEquals(36 + 5 + 4 * DIM, bytes.length);
        final DecodeResult result = codec.decode(bytes);
        assertEquals(new DecodeResult.Decoded(frame), result);
    }

    @Test
    void shouldRoundTripEndOfStream() {
        final EndOfStream end = new EndOfStream("kitchen cam ü", 3L, 900L, 5L);
        final byte[] bytes = FeatureFrameCodec.encode(end);
        assertEquals(36 + "kitchen cam ü".getBytes(StandardCharsets.UTF_8).length, bytes.length);
        assertEquals(new DecodeResult.Decoded(end), codec.decode(bytes));
    }

    @Test
    void shouldWriteTheDocumentedLayoutByteByByte() {
        final byte[] bytes = FeatureFrameCodec.encode(
                new FeatureFrame("ab", 1L, 2L, 3L, new float[] {1.0f, -2.0f, 0f, 0.5f}));
        final ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new byte[] {'E', 'G', 'O', 'F'}, Arrays.copyOfRange(bytes, 0, 4));
        assertEquals(1, bytes[4]);
        assertEquals(1, bytes[5]);
        assertEquals(2, in.getShort(6));
        assertEquals('a', bytes[8]);
        assertEquals('b', bytes[9]);
        assertEquals(1L, in.getLong(10));
        assertEquals(2L, in.getLong(18));
        assertEquals(3L, in.getLong(26));
        assertEquals(4, in.getInt(34));
        // float32 1.0 little-endian is 00 00 80 3F
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3F}, Arrays.copyOfRange(bytes, 38, 42));
        assertEquals(-2.0f, in.getFloat(42));
        assertEquals(54, bytes.length);
    }

    @Test
    void shouldRejectNullAndEmpty() {
        assertEquals(RejectReason.EMPTY, rejected(codec.decode(null)).reason());
        assertEquals(RejectReason.EMPTY, rejected(codec.decode(new byte[0])).reason());
    }

    @Test
    void shouldRejectBadMagic() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        bytes[1] = 'X';
        final DecodeResult.Rejected r = rejected(codec.decode(bytes));
        assertEquals(RejectReason.BAD_MAGIC, r.reason());
        assertTrue(r.detail().contains("45584F46"), r.detail());
        assertArrayEquals(bytes, r.payload(), "the original bytes travel with the rejection");
    }

    @Test
    void shouldRejectUnsupportedVersion() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        bytes[4] = 2;
        final DecodeResult.Rejected r = rejected(codec.decode(bytes));
        assertEquals(RejectReason.UNSUPPORTED_VERSION, r.reason());
        assertTrue(r.detail().contains("version is 2"), r.detail());
    }

    @Test
    void shouldRejectUnknownKind() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        bytes[5] = 9;
        assertEquals(RejectReason.UNKNOWN_KIND, rejected(codec.decode(bytes)).reason());
    }

    @Test
    void shouldRejectEveryTruncation() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        for (int length = 1; length < bytes.length; length++) {
            final DecodeResult.Rejected r = rejected(codec.decode(Arrays.copyOf(bytes, length)));
            assertEquals(RejectReason.TRUNCATED, r.reason(), "length " + length + ": " + r.detail());
        }
    }

    @Test
    void shouldRejectDimensionMismatch() {
        final byte[] bytes = FeatureFrameCodec.encode(
                new FeatureFrame("cam-1", 0L, 0L, 0L, new float[] {1f, 2f, 3f}));
        final DecodeResult.Rejected r = rejected(codec.decode(bytes));
        assertEquals(RejectReason.DIMENSION_MISMATCH, r.reason());
        assertTrue(r.detail().contains("dimension 3; expected 4"), r.detail());
    }

    @Test
    void shouldRejectZeroOrNegativeDimension() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(36 + 5 - 4, -1);
        assertEquals(RejectReason.DIMENSION_MISMATCH, rejected(codec.decode(bytes)).reason());
    }

    @Test
    void shouldRejectNonFiniteValues() {
        for (final float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            final byte[] bytes = FeatureFrameCodec.encode(frame());
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(bytes.length - 4, bad);
            final DecodeResult.Rejected r = rejected(codec.decode(bytes));
            assertEquals(RejectReason.NON_FINITE, r.reason());
            assertTrue(r.detail().startsWith("feature 3 of frame 42"), r.detail());
        }
    }

    @Test
    void shouldRejectOversizedRecordAndDimension() {
        assertEquals(RejectReason.OVERSIZED,
                rejected(codec.decode(new byte[FrameWireFormat.MAX_RECORD_BYTES + 1])).reason());
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(36 + 5 - 4, FeatureFrame.MAX_DIMENSION + 1);
        assertEquals(RejectReason.OVERSIZED, rejected(codec.decode(bytes)).reason());
    }

    @Test
    void shouldRejectBadCameraIds() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        final byte[] invalidUtf8 = bytes.clone();
        invalidUtf8[8] = (byte) 0xC3; // lead byte followed by an ASCII byte: malformed
        assertEquals(RejectReason.BAD_CAMERA_ID, rejected(codec.decode(invalidUtf8)).reason());
        final byte[] control = bytes.clone();
        control[9] = 0x07;
        assertEquals(RejectReason.BAD_CAMERA_ID, rejected(codec.decode(control)).reason());
        final byte[] zeroLength = bytes.clone();
        zeroLength[6] = 0;
        assertEquals(RejectReason.BAD_CAMERA_ID, rejected(codec.decode(zeroLength)).reason());
        final byte[] tooLong = bytes.clone();
        ByteBuffer.wrap(tooLong).order(ByteOrder.LITTLE_ENDIAN).putShort(6, (short) 129);
        assertEquals(RejectReason.BAD_CAMERA_ID, rejected(codec.decode(tooLong)).reason());
    }

    @Test
    void shouldRejectNegativeFields() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(8 + 5 + 8, -1L);
        final DecodeResult.Rejected r = rejected(codec.decode(bytes));
        assertEquals(RejectReason.BAD_FIELD, r.reason());
        assertTrue(r.detail().contains("frame index/count -1"), r.detail());
    }

    @Test
    void shouldRejectEndOfStreamWithVector() {
        final byte[] bytes = FeatureFrameCodec.encode(new EndOfStream("cam-1", 0L, 10L, 0L));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4, 4);
        assertEquals(RejectReason.BAD_FIELD, rejected(codec.decode(bytes)).reason());
    }

    @Test
    void shouldRejectTrailingBytes() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        final DecodeResult.Rejected r = rejected(codec.decode(Arrays.copyOf(bytes, bytes.length + 3)));
        assertEquals(RejectReason.TRAILING_BYTES, r.reason());
        assertTrue(r.detail().startsWith("3 bytes follow"), r.detail());
        final byte[] end = FeatureFrameCodec.encode(new EndOfStream("cam-1", 0L, 10L, 0L));
        assertEquals(RejectReason.TRAILING_BYTES,
                rejected(codec.decode(Arrays.copyOf(end, end.length + 1))).reason());
    }

    @Test
    void decoderDimensionMustBeInRange() {
        assertThrows(IllegalArgumentException.class, () -> FeatureFrameCodec.forDimension(0));
        assertThrows(IllegalArgumentException.class,
                () -> FeatureFrameCodec.forDimension(FeatureFrame.MAX_DIMENSION + 1));
    }

    @Test
    void decodedRecordIsIndependentOfInputBytes() {
        final byte[] bytes = FeatureFrameCodec.encode(frame());
        final CameraRecord record = ((DecodeResult.Decoded) codec.decode(bytes)).record();
        Arrays.fill(bytes, (byte) 0);
        assertEquals(frame(), record);
    }
}
