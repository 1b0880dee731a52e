package io.egostream.ingest.camera;

import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.synth.FeatureSynthesizer;
import io.egostream.model.synth.SyntheticStream;
import io.egostream.model.synth.VideoTimeline;
import java.util.List;
import java.util.Optional;

/**
 * One simulated wearable camera. It plays its playlist of annotated videos in order, looping; each video is a
 * session (session id 0, 1, 2, ...) whose frames are numbered from 0. When a video ends (or the frame budget is
 * spent) it optionally sends an end-of-stream marker. Not thread-safe.
 */
public final class SimulatedCamera {

    private final String cameraId;
    private final FeatureSynthesizer synthesizer;
    private final List<VideoTimeline> playlist;
    private final boolean endOfStream;
    private final long frameBudget;
    private long sessionId;
    private SyntheticStream stream;
    private long framesSent;
    private boolean pendingEnd;
    private boolean finished;

    /**
     * A camera.
     *
     * @param cameraId its id (the Kafka key of its records)
     * @param synthesizer the feature generator
     * @param playlist the videos it plays, in order; not empty
     * @param endOfStream whether it sends an end-of-stream marker after each session
     * @param frameBudget frames to send in total, or 0 for unlimited
     */
    public SimulatedCamera(final String cameraId, final FeatureSynthesizer synthesizer,
            final List<VideoTimeline> playlist, final boolean endOfStream, final long frameBudget) {
        if (playlist.isEmpty()) {
            throw new IllegalArgumentException("camera " + cameraId + " needs at least one video to play");
        }
        this.cameraId = cameraId;
        this.synthesizer = synthesizer;
        this.playlist = List.copyOf(playlist);
        this.endOfStream = endOfStream;
        this.frameBudget = frameBudget;
        this.stream = newStream();
    }

    private SyntheticStream newStream() {
        final VideoTimeline video = playlist.get((int) (sessionId % playlist.size()));
        return synthesizer.stream(video, cameraId + "/" + sessionId);
    }

    /**
     * The camera id.
     *
     * @return the id
     */
    public String cameraId() {
        return cameraId;
    }

    /**
     * The video of the current session.
     *
     * @return the timeline being played
     */
    public VideoTimeline currentVideo() {
        return stream.timeline();
    }

    /**
     * Frames sent so far.
     *
     * @return the count over all sessions
     */
    public long framesSent() {
        return framesSent;
    }

    /**
     * Whether the camera has stopped (frame budget spent and its last marker, if any, sent).
     *
     * @return true when {@link #next} returns nothing more
     */
    public boolean finished() {
        return finished;
    }

    /**
     * The camera's next record: a frame, or an end-of-stream marker after the last frame of a session. Only
     * frames count against the frame budget and advance the send schedule.
     *
     * @param captureTimeMs the capture time to stamp, ms since the Unix epoch
     * @return the record, or empty when the camera has finished
     */
    public Optional<CameraRecord> next(final long captureTimeMs) {
        if (finished) {
            return Optional.empty();
        }
        if (pendingEnd) {
            pendingEnd = false;
            final EndOfStream end = new EndOfStream(cameraId, sessionId, stream.nextIndex(), captureTimeMs);
            finishSession();
            return Optional.of(end);
        }
        final long index = stream.nextIndex();
        final FeatureFrame frame = new FeatureFrame(cameraId, sessionId, index, captureTimeMs, stream.next());
        framesSent++;
        final boolean budgetSpent = frameBudget > 0 && framesSent >= frameBudget;
        if (!stream.hasNext() || budgetSpent) {
            if (endOfStream) {
                pendingEnd = true;
            } else {
                finishSession();
            }
        }
        return Optional.of(frame);
    }

    /**
     * Whether the next record is an end-of-stream marker (which does not take a frame slot of the schedule).
     *
     * @return true when {@link #next} will return an {@link EndOfStream}
     */
    public boolean endOfStreamPending() {
        return pendingEnd;
    }

    private void finishSession() {
        if (frameBudget > 0 && framesSent >= frameBudget) {
            finished = true;
            return;
        }
        sessionId++;
        stream = newStream();
    }
}
