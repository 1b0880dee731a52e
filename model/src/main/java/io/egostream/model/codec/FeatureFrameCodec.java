package io.egostream.model.codec;

import io.egostream.model.domain.CameraIds;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Encodes and decodes frames-topic records in the {@link FrameWireFormat}. Encoding is static; a decoder
 * instance knows the feature dimension the analyzer expects and refuses frames of any other dimension.
 * {@link #decode} never throws: any byte array gives a {@link DecodeResult}.
 */
public final class FeatureFrameCodec {

    private final int expectedDimension;

    private FeatureFrameCodec(final int expectedDimension) {
        this.expectedDimension = expectedDimension;
    }

    /**
     * A decoder for frames of one feature dimension.
     *
     * @param expectedDimension the dimension D every frame must have, 1..{@value FeatureFrame#MAX_DIMENSION}
     * @return the decoder
     * @throws IllegalArgumentException when the dimension is out of range
     */
    public static FeatureFrameCodec forDimension(final int expectedDimension) {
        if (expectedDimension < 1 || expectedDimension > FeatureFrame.MAX_DIMENSION) {
            throw new IllegalArgumentException("expected feature dimension must be in [1, "
                    + FeatureFrame.MAX_DIMENSION + "], got " + expectedDimension);
        }
        return new FeatureFrameCodec(expectedDimension);
    }

    /**
     * The feature dimension this decoder accepts.
     *
     * @return D
     */
    public int expectedDimension() {
        return expectedDimension;
    }

    /**
     * The encoded length of a record.
     *
     * @param record a frame or end-of-stream marker
     * @return its length in bytes: 36 + camera id bytes + 4 * D
     */
    public static int encodedSize(final CameraRecord record) {
        return FrameWireFormat.OVERHEAD_BYTES
                + record.cameraId().getBytes(StandardCharsets.UTF_8).length
                + Float.BYTES * dimensionOf(record);
    }

    /**
     * Encodes a record. Records validate themselves at construction, so every record encodes.
     *
     * @param record a frame or end-of-stream marker
     * @return the wire bytes, {@link #encodedSize} long
     */
    public static byte[] encode(final CameraRecord record) {
        final byte[] id = record.cameraId().getBytes(StandardCharsets.UTF_8);
        final int dimension = dimensionOf(record);
        final ByteBuffer out = ByteBuffer.allocate(encodedSize(record)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(FrameWireFormat.MAGIC);
        out.put(FrameWireFormat.VERSION);
        if (record instanceof FeatureFrame frame) {
            out.put(RecordKind.FRAME.code());
            putHeader(out, id, frame.sessionId(), frame.frameIndex(), frame.captureTimeMs(), dimension);
            for (int i = 0; i < dimension; i++) {
                out.putFloat(frame.feature(i));
            }
        } else {
            final EndOfStream end = (EndOfStream) record;
            out.put(RecordKind.END_OF_STREAM.code());
            putHeader(out, id, end.sessionId(), end.frameCount(), end.captureTimeMs(), 0);
        }
        return out.array();
    }

    private static void putHeader(final ByteBuffer out, final byte[] id, final long sessionId,
            final long indexOrCount, final long captureTimeMs, final int dimension) {
        out.putShort((short) id.length);
        out.put(id);
        out.putLong(sessionId);
        out.putLong(indexOrCount);
        out.putLong(captureTimeMs);
        out.putInt(dimension);
    }

    private static int dimensionOf(final CameraRecord record) {
        return record instanceof FeatureFrame frame ? frame.dimension() : 0;
    }

    /**
     * Decodes one record; never throws.
     *
     * @param bytes the Kafka record value, may be null
     * @return the record, or the first reason it was refused (checked in the order of the wire format)
     */
    public DecodeResult decode(final byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return reject(RejectReason.EMPTY, "record value is " + (bytes == null ? "null" : "empty"), bytes);
        }
        if (bytes.length > FrameWireFormat.MAX_RECORD_BYTES) {
            return reject(RejectReason.OVERSIZED, "record is " + bytes.length + " bytes; at most "
                    + FrameWireFormat.MAX_RECORD_BYTES + " are allowed", bytes);
        }
        final ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final Optional<DecodeResult> prefixProblem = checkPrefix(in, bytes);
        if (prefixProblem.isPresent()) {
            return prefixProblem.get();
        }
        final RecordKind kind = RecordKind.ofCode(bytes[5]);
        if (kind == null) {
            return reject(RejectReason.UNKNOWN_KIND, "record kind byte is " + (bytes[5] & 0xFF)
                    + "; allowed are 1 (FRAME) and 2 (END_OF_STREAM)", bytes);
        }
        final int idLength = Short.toUnsignedInt(in.getShort(6));
        if (idLength == 0 || idLength > CameraIds.MAX_UTF8_BYTES) {
            return reject(RejectReason.BAD_CAMERA_ID, "camera id length is " + idLength
                    + " bytes; allowed are 1.." + CameraIds.MAX_UTF8_BYTES, bytes);
        }
        if (bytes.length < FrameWireFormat.OVERHEAD_BYTES + idLength) {
            return reject(RejectReason.TRUNCATED, "record is " + bytes.length + " bytes; its header needs "
                    + (FrameWireFormat.OVERHEAD_BYTES + idLength), bytes);
        }
        final String cameraId;
        try {
            cameraId = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, FrameWireFormat.PREFIX_BYTES, idLength))
                    .toString();
        } catch (CharacterCodingException e) {
            return reject(RejectReason.BAD_CAMERA_ID, "camera id is not valid UTF-8", bytes);
        }
        final Optional<String> idProblem = CameraIds.problem(cameraId);
        if (idProblem.isPresent()) {
            return reject(RejectReason.BAD_CAMERA_ID, idProblem.get(), bytes);
        }
        in.position(FrameWireFormat.PREFIX_BYTES + idLength);
        return decodeBody(in, kind, cameraId, bytes);
    }

    private static Optional<DecodeResult> checkPrefix(final ByteBuffer in, final byte[] bytes) {
        final int magicLength = FrameWireFormat.MAGIC.length;
        for (int i = 0; i < magicLength; i++) {
            if (i >= bytes.length) {
                return Optional.of(reject(RejectReason.TRUNCATED, "record is " + bytes.length
                        + " bytes; the magic alone needs " + magicLength, bytes));
            }
            if (bytes[i] != FrameWireFormat.MAGIC[i]) {
                return Optional.of(reject(RejectReason.BAD_MAGIC, "record starts with "
                        + hex(bytes, Math.min(bytes.length, magicLength)) + "; expected 45474F46 (\"EGOF\")",
                        bytes));
            }
        }
        if (bytes.length <= magicLength) {
            return Optional.of(reject(RejectReason.TRUNCATED, "record ends after the magic", bytes));
        }
        if (bytes[magicLength] != FrameWireFormat.VERSION) {
            return Optional.of(reject(RejectReason.UNSUPPORTED_VERSION, "format version is "
                    + (bytes[magicLength] & 0xFF) + "; this decoder reads version " + FrameWireFormat.VERSION,
                    bytes));
        }
        if (bytes.length < FrameWireFormat.PREFIX_BYTES) {
            return Optional.of(reject(RejectReason.TRUNCATED, "record is " + bytes.length
                    + " bytes; the prefix needs " + FrameWireFormat.PREFIX_BYTES, bytes));
        }
        return Optional.empty();
    }

    private DecodeResult decodeBody(final ByteBuffer in, final RecordKind kind, final String cameraId,
            final byte[] bytes) {
        final long sessionId = in.getLong();
        final long indexOrCount = in.getLong();
        final long captureTimeMs = in.getLong();
        final int dimension = in.getInt();
        if (sessionId < 0 || indexOrCount < 0 || captureTimeMs < 0) {
            return reject(RejectReason.BAD_FIELD, "camera '" + cameraId + "': session id " + sessionId
                    + ", frame index/count " + indexOrCount + " and capture time " + captureTimeMs
                    + " ms must all be >= 0", bytes);
        }
        if (kind == RecordKind.END_OF_STREAM) {
            if (dimension != 0) {
                return reject(RejectReason.BAD_FIELD, "end-of-stream of camera '" + cameraId
                        + "' declares feature dimension " + dimension + "; it must be 0", bytes);
            }
            return trailingOrDone(in, bytes, new EndOfStream(cameraId, sessionId, indexOrCount, captureTimeMs));
        }
        if (dimension < 1 || dimension > FeatureFrame.MAX_DIMENSION) {
            return reject(dimension > FeatureFrame.MAX_DIMENSION ? RejectReason.OVERSIZED
                    : RejectReason.DIMENSION_MISMATCH, "frame " + indexOrCount + " of camera '" + cameraId
                    + "' declares feature dimension " + dimension + "; expected " + expectedDimension, bytes);
        }
        if (dimension != expectedDimension) {
            return reject(RejectReason.DIMENSION_MISMATCH, "frame " + indexOrCount + " of camera '"
                    + cameraId + "' has feature dimension " + dimension + "; expected " + expectedDimension,
                    bytes);
        }
        if (in.remaining() < Float.BYTES * dimension) {
            return reject(RejectReason.TRUNCATED, "frame " + indexOrCount + " of camera '" + cameraId
                    + "' declares " + dimension + " features (" + Float.BYTES * dimension + " bytes) but "
                    + in.remaining() + " bytes follow the header", bytes);
        }
        final float[] features = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            features[i] = in.getFloat();
            if (!Float.isFinite(features[i])) {
                return reject(RejectReason.NON_FINITE, "feature " + i + " of frame " + indexOrCount
                        + " of camera '" + cameraId + "' is " + features[i], bytes);
            }
        }
        return trailingOrDone(in, bytes,
                new FeatureFrame(cameraId, sessionId, indexOrCount, captureTimeMs, features));
    }

    private static DecodeResult trailingOrDone(final ByteBuffer in, final byte[] bytes,
            final CameraRecord record) {
        if (in.hasRemaining()) {
            return reject(RejectReason.TRAILING_BYTES, in.remaining() + " bytes follow the end of the "
                    + (record instanceof FeatureFrame ? "frame" : "end-of-stream") + " of camera '"
                    + record.cameraId() + "'", bytes);
        }
        return new DecodeResult.Decoded(record);
    }

    private static DecodeResult reject(final RejectReason reason, final String detail, final byte[] bytes) {
        return new DecodeResult.Rejected(reason, detail, bytes);
    }

    private static String hex(final byte[] bytes, final int length) {
        final StringBuilder text = new StringBuilder(2 * length);
        for (int i = 0; i < length; i++) {
            text.append(String.format("%02X", bytes[i]));
        }
        return text.toString();
    }
}
