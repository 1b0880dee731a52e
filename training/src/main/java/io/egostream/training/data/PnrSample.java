package io.egostream.training.data;

/**
 * A PNR sample as one pass sees it: 16 feature rows resampled over the (possibly cropped) window, the
 * 16 candidate frames and the one-hot target at the candidate nearest the point of no return.
 *
 * @param uid the clip's {@code unique_id}
 * @param videoUid the video
 * @param rows the 16 feature rows
 * @param candidateFrames the 16 candidate frames
 * @param labels 1 at the candidate nearest the PNR frame, else 0, {@code [16]}
 * @param pnrIndex that candidate's index
 * @param pnrFrame the PNR frame
 * @param startFrame the window's first frame
 * @param endFrame the window's end frame
 */
public record PnrSample(String uid, String videoUid, int[] rows, long[] candidateFrames, float[] labels,
        int pnrIndex, long pnrFrame, long startFrame, long endFrame) {
}
