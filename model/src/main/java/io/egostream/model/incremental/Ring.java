package io.egostream.model.incremental;

import java.util.Arrays;

/**
 * A fixed-capacity ring of float rows keyed by a node index: row {@code i} lives in slot
 * {@code i mod capacity}. Each slot remembers which index it holds, so reading a row that was overwritten
 * or never written fails loudly instead of returning another node's values.
 */
final class Ring {

    private final int width;
    private final int capacity;
    private final float[] data;
    private final long[] tag;

    /**
     * @param width floats per row
     * @param capacity rows held, a power of two
     */
    Ring(final int width, final int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two, got " + capacity);
        }
        this.width = width;
        this.capacity = capacity;
        this.data = new float[width * capacity];
        this.tag = new long[capacity];
        Arrays.fill(tag, -1);
    }

    private Ring(final Ring other) {
        this.width = other.width;
        this.capacity = other.capacity;
        this.data = other.data.clone();
        this.tag = other.tag.clone();
    }

    /** @return a deep copy */
    Ring copy() {
        return new Ring(this);
    }

    /**
     * Stores row {@code index} from {@code src[srcOffset .. srcOffset + width)}.
     *
     * @param index node index
     * @param src source array
     * @param srcOffset first float
     */
    void put(final long index, final float[] src, final int srcOffset) {
        final int slot = (int) (index & (capacity - 1));
        tag[slot] = index;
        System.arraycopy(src, srcOffset, data, slot * width, width);
    }

    /**
     * @param index node index
     * @return the offset of its row in {@link #data()}
     * @throws IllegalStateException if the ring does not hold that row
     */
    int offset(final long index) {
        final int slot = (int) (index & (capacity - 1));
        if (tag[slot] != index) {
            throw new IllegalStateException("ring row " + index + " is not held (slot holds " + tag[slot]
                    + ", capacity " + capacity + ")");
        }
        return slot * width;
    }

    /**
     * Copies {@code length} floats of row {@code index} from column {@code from} into {@code dst}.
     *
     * @param index node index
     * @param from first column
     * @param length columns
     * @param dst destination
     * @param dstOffset first destination float
     */
    void read(final long index, final int from, final int length, final float[] dst, final int dstOffset) {
        System.arraycopy(data, offset(index) + from, dst, dstOffset, length);
    }

    /** @return the backing array (rows at {@link #offset(long)}) */
    float[] data() {
        return data;
    }

    /** @return floats per row */
    int width() {
        return width;
    }

    /** @return bytes held */
    long bytes() {
        return 4L * data.length + 8L * tag.length;
    }
}
