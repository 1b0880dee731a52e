package io.egostream.stream.dashboard;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.stream.serde.AnalyzerEventSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each camera's recent events (read from the five event topics, committed output only) in the
 * {@code camera-timeline} store by the {@link CameraTimeline} rule, and the newest one as the camera's
 * {@link CameraActivity#lastEvent()}. A record that is not a valid event, or whose key is not its camera id, is
 * logged and skipped: the timeline is a view, and the topics stay the source of truth.
 */
public final class CameraTimelineProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(CameraTimelineProcessor.class);

    private final DashboardSettings settings;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, CameraActivity> activities;
    private CameraTimeline timeline;

    /**
     * @param settings how many events to keep
     */
    public CameraTimelineProcessor(final DashboardSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> processorContext) {
        this.context = processorContext;
        this.activities = processorContext.getStateStore(DashboardTopology.ACTIVITY_STORE);
        final KeyValueStore<Bytes, byte[]> events = processorContext.getStateStore(DashboardTopology.TIMELINE_STORE);
        this.timeline = new CameraTimeline(events, settings.eventsPerTask());
    }

    @Override
    public void process(final Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        final AnalyzerEvent event;
        try {
            event = AnalyzerEventSerde.fromJson(new String(record.value(), StandardCharsets.UTF_8));
        } catch (SerializationException e) {
            LOG.warn("skipping a record of an event topic with key '{}' that is not an event: {}", record.key(),
                    e.getMessage());
            return;
        }
        if (!event.cameraId().equals(record.key())) {
            LOG.warn("skipping an event of camera '{}' under record key '{}'", event.cameraId(), record.key());
            return;
        }
        if (!timeline.add(event, record.value())) {
            return;
        }
        final CameraActivity known = activities.get(event.cameraId());
        final CameraActivity base = known == null
                ? CameraActivity.unseen(event.cameraId(), event.sessionId(), context.currentSystemTimeMs()) : known;
        if (event.sessionId() < base.sessionId()
                || (base.lastEvent() != null && base.lastEvent().emittedAtMs() > event.emittedAtMs())) {
            return;
        }
        activities.put(event.cameraId(), base.withEvent(LastEvent.of(event)));
    }
}
