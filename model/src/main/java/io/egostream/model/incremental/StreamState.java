package io.egostream.model.incremental;

import io.egostream.model.schedule.Frontier;
import java.util.EnumMap;
import java.util.Map;

/**
 * The incremental evaluator's state of one camera: how many frames it sent, whether it closed, the
 * per-level ring caches of the backbone, the per-head rings of level-0 node features the windowed heads
 * read, and the MQ context state. Everything here is a cache derivable from the camera's last
 * {@link IncrementalEvaluator#receptiveFieldFrames()} frames ({@link IncrementalEvaluator#rebuild}); its
 * size does not grow with the stream ({@link IncrementalEvaluator#stateBytes}). Not thread-safe: one
 * camera is stepped by one thread at a time.
 */
public final class StreamState {

    private final String camera;
    private final long start;
    private final int depth;
    private final int offsets;
    long frames;
    boolean closed;
    final LevelRings[] levels;
    final Map<HeadKind, Ring> headRings;
    final MqState mq;

    StreamState(final String camera, final long start, final int depth, final int offsets, final LevelRings[] levels,
            final Map<HeadKind, Ring> headRings, final MqState mq) {
        this.camera = camera;
        this.start = start;
        this.depth = depth;
        this.offsets = offsets;
        this.frames = start;
        this.levels = levels;
        this.headRings = headRings;
        this.mq = mq;
    }

    private StreamState(final StreamState o) {
        this.camera = o.camera;
        this.start = o.start;
        this.depth = o.depth;
        this.offsets = o.offsets;
        this.frames = o.frames;
        this.closed = o.closed;
        this.levels = new LevelRings[o.levels.length];
        for (int l = 0; l < levels.length; l++) {
            levels[l] = o.levels[l].copy();
        }
        this.headRings = new EnumMap<>(HeadKind.class);
        o.headRings.forEach((k, v) -> headRings.put(k, v.copy()));
        this.mq = o.mq == null ? null : o.mq.copy();
    }

    /** @return a copy whose changes never reach this state */
    StreamState copy() {
        return new StreamState(this);
    }

    /** @return the camera id */
    public String camera() {
        return camera;
    }

    /** @return frames sent (one past the last frame index) */
    public long frames() {
        return frames;
    }

    /** @return the first frame the state was built from (0 unless rebuilt) */
    public long start() {
        return start;
    }

    /** @return whether the camera has ended */
    public boolean closed() {
        return closed;
    }

    /** @return which nodes are final now */
    public Frontier frontier() {
        return Frontier.of(depth, offsets, start, frames, closed);
    }
}
