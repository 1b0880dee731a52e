package io.egostream.stream.inference;

/**
 * Read access to the stored frames of one camera session (the analyzer's changelogged frame store), so the
 * inference can read the frames a window needs, or rebuild its caches after a restore, without the topology
 * knowing what it needs.
 */
@FunctionalInterface
public interface FrameHistory {

    /**
     * The feature vectors of consecutive frames.
     *
     * @param first first frame index, inclusive, &gt;= the oldest retained frame
     * @param last last frame index, inclusive
     * @return {@code last - first + 1} vectors of dimension D, in index order
     * @throws IllegalArgumentException when a frame in the range is not retained
     */
    float[][] features(long first, long last);
}
