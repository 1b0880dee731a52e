package io.egostream.training.data;

/**
 * The feature rows {@code [startRow, endRow)} of one video that form a clip's graph; node {@code i} is row
 * {@code startRow + i}.
 *
 * @param videoUid the video
 * @param startRow first row
 * @param endRow row after the last, {@code > startRow}
 */
public record ClipWindow(String videoUid, int startRow, int endRow) {

    /** Validates the range. */
    public ClipWindow {
        if (startRow < 0 || endRow <= startRow) {
            throw new IllegalArgumentException("clip window of " + videoUid + " needs 0 <= start < end, got ["
                    + startRow + ", " + endRow + ")");
        }
    }

    /** @return the number of nodes */
    public int nodes() {
        return endRow - startRow;
    }

    /**
     * The reference's window of frames {@code [startFrame, endFrame]}: rows {@code startFrame // stride} to
     * {@code endFrame // stride} (exclusive), clamped to the video.
     *
     * @param video the video's features
     * @param startFrame first frame
     * @param endFrame last frame
     * @param grid the feature grid
     * @param what the annotation, for messages (file and entry)
     * @param atLeastOne widen an empty window to its first row instead of rejecting it
     * @return the window
     * @throws DataException if the annotation starts after the video's features end or ends more than one
     *     feature stride after them, or the window is empty
     */
    public static ClipWindow ofFrames(final VideoFeatures video, final long startFrame, final long endFrame,
            final FeatureGrid grid, final String what, final boolean atLeastOne) {
        final long stride = grid.strideFrames();
        final long first = Math.max(0, Math.floorDiv(startFrame, stride));
        long end = Math.max(first, Math.floorDiv(endFrame, stride));
        if (first >= video.frames() || end > video.frames() + 1L) {
            throw new DataException(what + " spans frames [" + startFrame + ", " + endFrame + "], outside video "
                    + video.videoUid() + " whose " + video.frames() + " feature vectors in " + video.source()
                    + " cover frames [0, " + video.frames() * stride + ")");
        }
        end = Math.min(end, video.frames());
        if (end == first) {
            if (!atLeastOne) {
                throw new DataException(what + " spans frames [" + startFrame + ", " + endFrame
                        + "], less than one feature stride (" + stride + " frames) of video " + video.videoUid());
            }
            end = first + 1;
        }
        return new ClipWindow(video.videoUid(), (int) first, (int) end);
    }
}
