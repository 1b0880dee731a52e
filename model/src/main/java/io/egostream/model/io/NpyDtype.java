package io.egostream.model.io;

/**
 * The NumPy element types EgoStream reads and writes, with their {@code .npy} descriptors. Everything
 * EgoStream writes is little-endian.
 */
public enum NpyDtype {
    /** 32-bit IEEE float, {@code '<f4'}: every weight and every float output. */
    FLOAT32("<f4", 4),
    /** 64-bit IEEE float, {@code '<f8'}: read only (rejected where float32 is required). */
    FLOAT64("<f8", 8),
    /** 32-bit signed integer, {@code '<i4'}. */
    INT32("<i4", 4),
    /** 64-bit signed integer, {@code '<i8'}: indices, clip ids, labels. */
    INT64("<i8", 8),
    /** One byte per boolean, {@code '|b1'}: masks. */
    BOOL("|b1", 1);

    private final String descriptor;
    private final int bytesPerElement;

    NpyDtype(final String descriptor, final int bytesPerElement) {
        this.descriptor = descriptor;
        this.bytesPerElement = bytesPerElement;
    }

    /** @return the {@code descr} string of the {@code .npy} header, e.g. {@code <f4} */
    public String descriptor() {
        return descriptor;
    }

    /** @return bytes per element */
    public int bytesPerElement() {
        return bytesPerElement;
    }

    /**
     * Finds the type of a {@code .npy} descriptor. {@code '=f4'}-style native order is read as
     * little-endian (the only order of the machines EgoStream runs on); {@code 'u1'}/{@code '?'}-style
     * aliases of bool are accepted.
     *
     * @param descr the descriptor
     * @return the type
     * @throws IllegalArgumentException for a big-endian or unsupported type, naming it
     */
    public static NpyDtype ofDescriptor(final String descr) {
        final String normalised = descr.startsWith("=") ? "<" + descr.substring(1) : descr;
        for (final NpyDtype t : values()) {
            if (t.descriptor.equals(normalised)) {
                return t;
            }
        }
        if ("<b1".equals(normalised) || "?".equals(normalised)) {
            return BOOL;
        }
        throw new IllegalArgumentException("unsupported .npy dtype '" + descr
                + "' (supported: <f4, <f8, <i4, <i8, |b1)");
    }
}
