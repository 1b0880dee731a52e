package io.egostream.stream.processor;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.Keyframe;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.domain.TimeRange;
import io.egostream.stream.inference.TaskResult;

/**
 * Turns a task result (frame indices relative to the segment's first frame) into an event with the camera's
 * own frame indices, times from the session start and capture times read from the stored frames.
 */
final class EventFactory {

    private final FrameStore frames;
    private final ModelRef model;
    private final double strideSeconds;

    EventFactory(final FrameStore frames, final ModelRef model, final double strideSeconds) {
        this.frames = frames;
        this.model = model;
        this.strideSeconds = strideSeconds;
    }

    AnalyzerEvent event(final TaskResult result, final CameraState state, final long emittedAtMs) {
        final long baseIndex = state.baseIndex();
        final String camera = result.session().cameraId();
        final long first = baseIndex + result.frames().first();
        final long last = baseIndex + result.frames().last();
        final double offset = baseIndex * strideSeconds;
        final double start = offset + result.startSeconds();
        final double end = offset + result.endSeconds();
        final long firstCapture = capture(camera, first, state);
        final long lastCapture = capture(camera, last, state);
        final long startCapture = firstCapture + Math.round((start - first * strideSeconds) * 1000);
        final long endCapture = Math.max(startCapture,
                lastCapture + Math.round((end - last * strideSeconds) * 1000));
        Keyframe keyframe = null;
        if (result.keyframeIndex() >= 0) {
            final long k = baseIndex + result.keyframeIndex();
            keyframe = new Keyframe(k, k * strideSeconds, capture(camera, k, state), result.keyframeScore());
        }
        return new AnalyzerEvent(camera, result.session().sessionId(), result.task(), result.status(),
                new FrameRange(first, last), new TimeRange(Math.max(0, start), Math.max(Math.max(0, start), end),
                        Math.max(0, startCapture), Math.max(0, endCapture)), result.labels(), result.future(),
                keyframe, model, emittedAtMs);
    }

    /** A frame's capture time from the store, or estimated from the newest frame once it left the store. */
    private long capture(final String camera, final long index, final CameraState state) {
        if (index >= state.firstRetained() && index <= state.lastIndex()) {
            return frames.get(camera, index).captureTimeMs();
        }
        return state.estimatedCaptureMs(index, strideSeconds * 1000);
    }
}
