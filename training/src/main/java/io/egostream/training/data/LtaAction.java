package io.egostream.training.data;

/**
 * One action of {@code fho_lta_<split>.json} ({@code clips[]}), frames at 30 fps.
 *
 * @param videoUid the video
 * @param clipUid the clip (actions of one clip are ordered by {@code actionIdx})
 * @param actionIdx position of the action in its clip
 * @param clipStartFrame {@code clip_parent_start_frame}: the clip's first frame in the video
 * @param clipEndFrame {@code clip_parent_end_frame}, or -1 when the file has none
 * @param startFrame the action's first frame in the video ({@code clip_parent_start_frame +
 *     action_clip_start_frame})
 * @param endFrame the action's last frame in the video
 * @param verb verb class, or -1 when unlabelled (test split)
 * @param noun noun class, or -1 when unlabelled
 * @param entry where the action is in the file, for messages
 */
public record LtaAction(String videoUid, String clipUid, int actionIdx, long clipStartFrame, long clipEndFrame,
        long startFrame, long endFrame, int verb, int noun, String entry) {

    static LtaAction of(final JsonEntry e) {
        final long clipStart = e.integer("clip_parent_start_frame");
        final long start = clipStart + e.integer("action_clip_start_frame");
        final long end = clipStart + e.integer("action_clip_end_frame");
        if (end < start) {
            throw e.error("ends (frame " + end + ") before it starts (frame " + start + ")");
        }
        final int verb = e.has("verb_label") ? (int) e.integer("verb_label") : -1;
        final int noun = e.has("noun_label") ? (int) e.integer("noun_label") : -1;
        return new LtaAction(e.text("video_uid"), e.text("clip_uid"), (int) e.integer("action_idx"), clipStart,
                e.has("clip_parent_end_frame") ? e.integer("clip_parent_end_frame") : -1, start, end, verb, noun,
                e.file().getFileName() + " " + e.path());
    }
}
