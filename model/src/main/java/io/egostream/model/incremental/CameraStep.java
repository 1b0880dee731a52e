package io.egostream.model.incremental;

import java.util.List;

/**
 * The input of one camera to a batched step: its new frames (in order, gap-free after the frames it
 * already sent) and whether the camera ends after them.
 *
 * @param state the camera's state
 * @param frames new feature frames, each {@code [Din]}; may be empty
 * @param close whether to apply end-of-stream semantics after the frames
 */
public record CameraStep(StreamState state, List<float[]> frames, boolean close) {

    /** Validates and copies the frame list. */
    public CameraStep {
        if (state == null) {
            throw new IllegalArgumentException("a camera step needs a stream state");
        }
        frames = List.copyOf(frames);
    }

    /**
     * @param state the camera's state
     * @param frames new frames
     * @return a step that keeps the camera open
     */
    public static CameraStep push(final StreamState state, final List<float[]> frames) {
        return new CameraStep(state, frames, false);
    }

    /**
     * @param state the camera's state
     * @return a step that ends the camera
     */
    public static CameraStep close(final StreamState state) {
        return new CameraStep(state, List.of(), true);
    }
}
