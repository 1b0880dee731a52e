package io.egostream.training.bench;

/**
 * One 8-s window of the benchmark's {@code fho_oscc-pnr} files.
 *
 * @param uniqueId {@code <video>_sc<n>}
 * @param videoUid the video
 * @param clipId the clip the window starts in (OSCC graphs group windows by it)
 * @param startSeconds window start in the video, s
 * @param endSeconds window end, s
 * @param stateChange whether the window holds the keyframe of a state-changing action
 * @param keyframeSeconds the point of no return, s (NaN without a state change)
 */
public record StateChangeWindow(String uniqueId, String videoUid, String clipId, double startSeconds,
        double endSeconds, boolean stateChange, double keyframeSeconds) {
}
