package io.egostream.model.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Protocol-buffers wire format (proto2/proto3 encoding) for the few field kinds ONNX uses: varints
 * (wire type 0), 32-bit floats (wire type 5) and length-delimited bytes, strings and nested messages
 * (wire type 2). Fields are written in the order the caller gives them.
 */
public final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void tag(final int field, final int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(final long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /**
     * @param field field number
     * @param value an integer field (int32, int64, enum; negative values take ten bytes as in protobuf)
     * @return this writer
     */
    public ProtoWriter varint(final int field, final long value) {
        tag(field, 0);
        rawVarint(value);
        return this;
    }

    /**
     * @param field field number
     * @param value a {@code float} field
     * @return this writer
     */
    public ProtoWriter float32(final int field, final float value) {
        tag(field, 5);
        final int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write((bits >>> (8 * i)) & 0xFF);
        }
        return this;
    }

    /**
     * @param field field number
     * @param value bytes
     * @return this writer
     */
    public ProtoWriter bytes(final int field, final byte[] value) {
        tag(field, 2);
        rawVarint(value.length);
        out.write(value, 0, value.length);
        return this;
    }

    /**
     * @param field field number
     * @param value a string, UTF-8
     * @return this writer
     */
    public ProtoWriter string(final int field, final String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param field field number
     * @param message a nested message
     * @return this writer
     */
    public ProtoWriter message(final int field, final ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /**
     * @param field field number
     * @param values a packed repeated int64 field
     * @return this writer
     */
    public ProtoWriter packedVarints(final int field, final long[] values) {
        final ProtoWriter inner = new ProtoWriter();
        for (final long v : values) {
            inner.rawVarint(v);
        }
        return bytes(field, inner.toByteArray());
    }

    /** @return the bytes written */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /**
     * @param values floats
     * @return little-endian IEEE 754 bytes (ONNX {@code raw_data})
     */
    public static byte[] littleEndian(final float[] values) {
        final ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    /**
     * @param values longs
     * @return little-endian bytes (ONNX {@code raw_data})
     */
    public static byte[] littleEndian(final long[] values) {
        final ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return b.array();
    }
}
