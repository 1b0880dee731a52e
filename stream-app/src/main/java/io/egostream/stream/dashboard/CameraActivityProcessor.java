package io.egostream.stream.dashboard;

import io.egostream.model.codec.DecodeResult;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each camera's activity from the frames topic (a second child of the frames source, beside the analyzer):
 * frame counts and rate, the newest frame's index and capture time, the end-of-stream marker. Records that do not
 * decode, whose key is not their camera id, or that repeat or go back from the newest frame index of the session
 * are left to the analyzer's dead-letter rules and change nothing here. Once a minute (wall clock), cameras closed
 * for longer than {@link DashboardSettings#retainClosedMs()} are deleted with their timeline.
 */
public final class CameraActivityProcessor implements Processor<String, DecodeResult, Void, Void> {

    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final DashboardSettings settings;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, CameraActivity> activities;
    private CameraTimeline timeline;

    /**
     * @param settings when cameras are idle, closed, and deleted
     */
    public CameraActivityProcessor(final DashboardSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> processorContext) {
        this.context = processorContext;
        this.activities = processorContext.getStateStore(DashboardTopology.ACTIVITY_STORE);
        final KeyValueStore<Bytes, byte[]> events = processorContext.getStateStore(DashboardTopology.TIMELINE_STORE);
        this.timeline = new CameraTimeline(events, settings.eventsPerTask());
        processorContext.schedule(PRUNE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::prune);
    }

    @Override
    public void process(final Record<String, DecodeResult> record) {
        if (!(record.value() instanceof DecodeResult.Decoded decoded)) {
            return;
        }
        final CameraRecord camera = decoded.record();
        if (!camera.cameraId().equals(record.key())) {
            return;
        }
        final long now = context.currentSystemTimeMs();
        final CameraActivity known = activities.get(camera.cameraId());
        if (camera instanceof FeatureFrame frame) {
            if (known != null && !known.ended() && frame.sessionId() == known.sessionId()
                    && frame.frameIndex() <= known.lastFrameIndex() && frame.frameIndex() != 0) {
                return;
            }
            final CameraActivity base = known == null ? CameraActivity.unseen(camera.cameraId(), frame.sessionId(),
                    now) : known;
            activities.put(camera.cameraId(), base.withFrame(frame.sessionId(), frame.frameIndex(),
                    frame.captureTimeMs(), now));
        } else if (known != null && ((EndOfStream) camera).sessionId() == known.sessionId()) {
            activities.put(camera.cameraId(), known.withEnd(camera.captureTimeMs(), now));
        }
    }

    private void prune(final long nowMs) {
        final List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, CameraActivity> all = activities.all()) {
            while (all.hasNext()) {
                final KeyValue<String, CameraActivity> kv = all.next();
                if (CameraStatus.of(kv.value, nowMs, settings) == CameraStatus.CLOSED
                        && nowMs - kv.value.lastSeenMs() > settings.retainClosedMs()) {
                    gone.add(kv.key);
                }
            }
        }
        for (final String camera : gone) {
            activities.delete(camera);
            timeline.deleteCamera(camera);
        }
    }
}
