package io.egostream.model.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One NumPy array as stored in a {@code .npy} file: element type, C-order shape and the raw little-endian
 * element bytes. Keeping the raw bytes (not converted values) is what makes import/export bit-identical.
 * Instances are immutable: the byte array is copied in and out.
 */
public final class NpyArray {

    private final NpyDtype dtype;
    private final long[] shape;
    private final byte[] data;

    /**
     * @param dtype element type
     * @param shape C-order shape, every dimension {@code >= 0} ({@code []} for a scalar)
     * @param data little-endian element bytes, exactly {@code product(shape) * dtype.bytesPerElement()}
     */
    public NpyArray(final NpyDtype dtype, final long[] shape, final byte[] data) {
        if (dtype == null || shape == null || data == null) {
            throw new IllegalArgumentException("dtype, shape and data must not be null");
        }
        long n = 1;
        for (final long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            n = Math.multiplyExact(n, d);
        }
        if (n * dtype.bytesPerElement() != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + n * dtype.bytesPerElement() + " bytes, got " + data.length);
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data.clone();
    }

    /**
     * @param shape C-order shape
     * @param values the elements in C order
     * @return a float32 array
     */
    public static NpyArray ofFloats(final long[] shape, final float[] values) {
        final ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new NpyArray(NpyDtype.FLOAT32, shape, b.array());
    }

    /**
     * @param shape C-order shape
     * @param values the elements in C order
     * @return an int64 array
     */
    public static NpyArray ofLongs(final long[] shape, final long[] values) {
        final ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new NpyArray(NpyDtype.INT64, shape, b.array());
    }

    /**
     * @param shape C-order shape
     * @param values the elements in C order
     * @return a bool array
     */
    public static NpyArray ofBooleans(final long[] shape, final boolean[] values) {
        final byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) (values[i] ? 1 : 0);
        }
        return new NpyArray(NpyDtype.BOOL, shape, b);
    }

    /** @return the element type */
    public NpyDtype dtype() {
        return dtype;
    }

    /** @return a copy of the C-order shape */
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of elements */
    public long size() {
        return data.length / dtype.bytesPerElement();
    }

    /** @return a copy of the raw little-endian element bytes */
    public byte[] rawBytes() {
        return data.clone();
    }

    /**
     * @return the elements as floats (float32 as is; float64 rounded; integers converted)
     */
    public float[] toFloats() {
        final ByteBuffer b = buffer();
        final float[] out = new float[(int) size()];
        for (int i = 0; i < out.length; i++) {
            switch (dtype) {
                case FLOAT32 -> out[i] = b.getFloat();
                case FLOAT64 -> out[i] = (float) b.getDouble();
                case INT32 -> out[i] = b.getInt();
                case INT64 -> out[i] = b.getLong();
                case BOOL -> out[i] = b.get() != 0 ? 1f : 0f;
                default -> throw new IllegalStateException(dtype.name());
            }
        }
        return out;
    }

    /**
     * @return the elements as longs
     * @throws IllegalArgumentException if the array holds floats
     */
    public long[] toLongs() {
        final ByteBuffer b = buffer();
        final long[] out = new long[(int) size()];
        for (int i = 0; i < out.length; i++) {
            switch (dtype) {
                case INT32 -> out[i] = b.getInt();
                case INT64 -> out[i] = b.getLong();
                case BOOL -> out[i] = b.get() != 0 ? 1 : 0;
                default -> throw new IllegalArgumentException("expected an integer array, found " + dtype.descriptor());
            }
        }
        return out;
    }

    /**
     * @return the elements as booleans (non-zero is true)
     */
    public boolean[] toBooleans() {
        final ByteBuffer b = buffer();
        final boolean[] out = new boolean[(int) size()];
        for (int i = 0; i < out.length; i++) {
            switch (dtype) {
                case BOOL -> out[i] = b.get() != 0;
                case INT32 -> out[i] = b.getInt() != 0;
                case INT64 -> out[i] = b.getLong() != 0;
                default -> throw new IllegalArgumentException("expected a bool array, found " + dtype.descriptor());
            }
        }
        return out;
    }

    private ByteBuffer buffer() {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the shape as {@code (a, b)} text, as NumPy prints it */
    public String shapeText() {
        return shapeText(shape);
    }

    /**
     * @param shape a shape
     * @return it as NumPy prints it: {@code ()}, {@code (5,)}, {@code (48, 32)}
     */
    public static String shapeText(final long[] shape) {
        final StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(shape[i]);
        }
        if (shape.length == 1) {
            s.append(',');
        }
        return s.append(')').toString();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof NpyArray a && a.dtype == dtype && Arrays.equals(a.shape, shape)
                && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descriptor() + " " + shapeText() + "]";
    }
}
