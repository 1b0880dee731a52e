package io.egostream.stream.dashboard;

import io.egostream.model.domain.Task;
import io.egostream.stream.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds the dashboard's processors and stores to the analyzer's topology:
 *
 * <pre>
 *  frames-source ──► camera-activity-processor ──┐        [camera-activity]  (in memory, changelogged)
 *  (the analyzer's own source)                   ├──────► [camera-timeline]  (persistent, changelogged)
 *  egostream.actions, ... (5 event topics) ──► events-source ──► camera-timeline-processor ──┘
 * </pre>
 *
 * <p>Both stores are connected to both processors, so they live in the analyzer's sub-topology: the task that
 * analyses a camera's frames also keeps its dashboard entries, and one {@code queryMetadataForKey} finds both.
 * This needs every EgoStream topic to have the same partition count ({@link Topics#newTopics()} creates them so).
 * The event source starts {@value #EVENTS_REPLAY_MINUTES} minutes back when the application has no committed
 * offset yet.
 */
public final class DashboardTopology {

    /** Store of each camera's activity: key camera id, value {@link CameraActivity}. */
    public static final String ACTIVITY_STORE = "camera-activity";
    /** Store of each camera's recent events: key {@link TimelineKey}, value the event JSON. */
    public static final String TIMELINE_STORE = "camera-timeline";
    /** Processor fed by the frames source. */
    public static final String ACTIVITY_PROCESSOR = "camera-activity-processor";
    /** Source of the five event topics. */
    public static final String EVENTS_SOURCE = "events-source";
    /** Processor fed by the event topics. */
    public static final String TIMELINE_PROCESSOR = "camera-timeline-processor";
    /** How far back the event source starts without a committed offset, minutes. */
    public static final int EVENTS_REPLAY_MINUTES = 10;

    private DashboardTopology() {}

    /**
     * Adds the nodes and stores.
     *
     * @param topology the analyzer's topology
     * @param framesSource name of the node that reads the frames topic (its values are decode results)
     * @param topics the topics
     * @param settings when cameras are idle and closed, how many events to keep
     */
    public static void addTo(final Topology topology, final String framesSource, final Topics topics,
            final DashboardSettings settings) {
        topology.addProcessor(ACTIVITY_PROCESSOR, () -> new CameraActivityProcessor(settings), framesSource);
        final List<String> eventTopics = new ArrayList<>();
        for (final Task task : Task.values()) {
            eventTopics.add(topics.events(task).name());
        }
        topology.addSource(AutoOffsetReset.byDuration(Duration.ofMinutes(EVENTS_REPLAY_MINUTES)), EVENTS_SOURCE,
                new StringDeserializer(), new ByteArrayDeserializer(), eventTopics.toArray(String[]::new));
        topology.addProcessor(TIMELINE_PROCESSOR, () -> new CameraTimelineProcessor(settings), EVENTS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ACTIVITY_STORE),
                Serdes.String(), new CameraActivitySerde()), ACTIVITY_PROCESSOR, TIMELINE_PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMELINE_STORE),
                Serdes.Bytes(), Serdes.ByteArray()), ACTIVITY_PROCESSOR, TIMELINE_PROCESSOR);
    }
}
