package io.egostream.model.domain;

/**
 * An inclusive range of frame indices of one camera session.
 *
 * @param first index of the first frame, &gt;= 0
 * @param last index of the last frame, &gt;= first
 */
public record FrameRange(long first, long last) {

    /** Validates the bounds. */
    public FrameRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("frame range [" + first + ", " + last
                    + "] must have 0 <= first <= last");
        }
    }

    /**
     * The number of frames in the range.
     *
     * @return last - first + 1
     */
    public long length() {
        return last - first + 1;
    }

    /**
     * Whether a frame index lies in the range.
     *
     * @param frameIndex the index
     * @return true when first &lt;= frameIndex &lt;= last
     */
    public boolean contains(final long frameIndex) {
        return frameIndex >= first && frameIndex <= last;
    }
}
