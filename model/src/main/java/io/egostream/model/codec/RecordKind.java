package io.egostream.model.codec;

/** What a frames-topic record holds; written as one byte after the format version. */
public enum RecordKind {
    /** A {@link io.egostream.model.domain.FeatureFrame}. */
    FRAME((byte) 1),
    /** An {@link io.egostream.model.domain.EndOfStream} marker. */
    END_OF_STREAM((byte) 2);

    private final byte code;

    RecordKind(final byte code) {
        this.code = code;
    }

    /**
     * The byte that stands for this kind on the wire.
     *
     * @return 1 for FRAME, 2 for END_OF_STREAM
     */
    public byte code() {
        return code;
    }

    /**
     * The kind a wire byte stands for.
     *
     * @param code the byte read from the wire
     * @return the kind, or null when no kind has that code
     */
    static RecordKind ofCode(final byte code) {
        for (final RecordKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
