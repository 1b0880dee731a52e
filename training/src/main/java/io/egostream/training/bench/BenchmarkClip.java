package io.egostream.training.bench;

import io.egostream.model.synth.ActionSegment;
import java.util.List;

/**
 * One clip of a benchmark video (the unit of the LTA/AR and moments files) with the actions that start in
 * it, their ends cut at the clip's end.
 *
 * @param clipUid {@code <video>_<k>}
 * @param videoUid the video
 * @param index {@code k}, the clip's position in its video
 * @param startSeconds clip start in the video, s
 * @param endSeconds clip end, s
 * @param actions the actions, by start, within the clip
 */
public record BenchmarkClip(String clipUid, String videoUid, int index, double startSeconds, double endSeconds,
        List<ActionSegment> actions) {

    /** Copies the actions. */
    public BenchmarkClip {
        actions = List.copyOf(actions);
    }
}
