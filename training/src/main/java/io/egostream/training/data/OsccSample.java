package io.egostream.training.data;

/**
 * An OSCC sample: the span of every 8-s window sharing a {@code clip_id}; one prediction per window.
 *
 * @param clipId the clip id
 * @param window the span's feature rows
 * @param uids {@code unique_id} per window
 * @param starts window starts in seconds from the span (reference grid)
 * @param ends window ends
 * @param labels 1 for a state change, else 0
 */
public record OsccSample(String clipId, ClipWindow window, String[] uids, float[] starts, float[] ends,
        long[] labels) {
}
