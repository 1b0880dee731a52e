package io.egostream.training.data;

/**
 * One entry of {@code fho_oscc-pnr_<split>.json} ({@code clips[]}): an 8-s window, frames at 30 fps.
 *
 * @param uniqueId {@code unique_id}
 * @param videoUid the video
 * @param clipId {@code clip_id}: OSCC builds one graph per clip id
 * @param startSec window start in the video, s
 * @param endSec window end in the video, s
 * @param startFrame window start frame
 * @param endFrame window end frame
 * @param stateChange whether an object changes state (false when the file has no label)
 * @param pnrFrame the point-of-no-return frame ({@code parent_pnr_frame}, older files {@code pnr_frame}),
 *     or -1 when there is none
 * @param entry where the clip is in the file, for messages
 */
public record StateChangeClip(String uniqueId, String videoUid, String clipId, double startSec, double endSec,
        long startFrame, long endFrame, boolean stateChange, long pnrFrame, String entry) {

    static StateChangeClip of(final JsonEntry e) {
        final long start = e.integer("parent_start_frame");
        final long end = e.integer("parent_end_frame");
        if (end <= start) {
            throw e.error("ends (frame " + end + ") before it starts (frame " + start + ")");
        }
        final boolean change = e.has("state_change") && e.bool("state_change");
        long pnr = -1;
        if (e.has("parent_pnr_frame")) {
            pnr = e.integer("parent_pnr_frame");
        } else if (e.has("pnr_frame")) {
            pnr = e.integer("pnr_frame");
        }
        if (change && pnr < 0) {
            throw e.error("has a state change but no parent_pnr_frame");
        }
        return new StateChangeClip(e.text("unique_id"), e.text("video_uid"), e.text("clip_id"),
                e.number("parent_start_sec"), e.number("parent_end_sec"), start, end, change, pnr,
                e.file().getFileName() + " " + e.path());
    }
}
