package io.egostream.training.videotext;

/**
 * One annotated segment as the model reads it: frames {@code [firstFrame, firstFrame + frameCount)} of a video and
 * its narration.
 *
 * @param videoId the video
 * @param firstFrame first feature frame, &gt;= 0
 * @param frameCount frames, &gt;= 1
 * @param narration the narration, trimmed, not empty
 */
public record SegmentSample(String videoId, int firstFrame, int frameCount, String narration) {

    /** Validates the fields. */
    public SegmentSample {
        if (firstFrame < 0 || frameCount < 1) {
            throw new IllegalArgumentException("segment of video " + videoId + " needs first frame >= 0 and >= 1 frame,"
                    + " got " + firstFrame + " and " + frameCount);
        }
        if (narration == null || narration.isBlank()) {
            throw new IllegalArgumentException("segment of video " + videoId + " at frame " + firstFrame
                    + " has no narration");
        }
    }
}
