package io.egostream.training.data;

import java.util.List;

/**
 * One clip of {@code moments_<split>.json} ({@code videos[].clips[]}) with its primary, de-duplicated
 * moments (model.md section 1), frames at 30 fps.
 *
 * @param videoUid the video
 * @param clipUid the clip
 * @param startFrame {@code video_start_frame} of the clip
 * @param endFrame {@code video_end_frame} of the clip
 * @param moments the primary moments, without exact duplicates (same frames and label)
 * @param entry where the clip is in the file, for messages
 */
public record MomentClip(String videoUid, String clipUid, long startFrame, long endFrame, List<Moment> moments,
        String entry) {

    /** Copies the moments. */
    public MomentClip {
        moments = List.copyOf(moments);
    }

    /**
     * One moment.
     *
     * @param label the class index (position of the name in the label list)
     * @param name the class name
     * @param startFrame first frame in the video
     * @param endFrame last frame in the video
     */
    public record Moment(int label, String name, long startFrame, long endFrame) {
    }
}
