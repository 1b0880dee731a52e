package io.egostream.stream.dashboard;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.Task;
import io.egostream.stream.serde.AnalyzerEventSerde;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The recent events of every camera of a stream task, in the {@code camera-timeline} store (key
 * {@link TimelineKey}, value the event's JSON as on its topic).
 *
 * <p>Replacement rule (the dashboard draws by the same rule):
 * <ul>
 *   <li>an event replaces the stored event with the same camera, task, session and frame range, and for moments
 *       the same class (a window's final event replaces its provisional one); a provisional event never replaces a
 *       final one;</li>
 *   <li>a moment (MQ), whose bounds may move until it is final, also replaces every provisional moment of the same
 *       camera, session and class whose time span overlaps its own;</li>
 *   <li>only the newest {@code eventsPerTask} events (by session, then last frame) of each camera and task are
 *       kept.</li>
 * </ul>
 */
public final class CameraTimeline {

    private static final BytesSerializer PREFIX = new BytesSerializer();
    private static final String PROVISIONAL = "\"status\":\"provisional\"";

    private final KeyValueStore<Bytes, byte[]> store;
    private final int eventsPerTask;

    /**
     * @param store the {@code camera-timeline} store
     * @param eventsPerTask newest events kept per camera and task, &gt;= 1
     */
    public CameraTimeline(final KeyValueStore<Bytes, byte[]> store, final int eventsPerTask) {
        if (eventsPerTask < 1) {
            throw new IllegalArgumentException("events per task must be >= 1, got " + eventsPerTask);
        }
        this.store = store;
        this.eventsPerTask = eventsPerTask;
    }

    /**
     * Stores an event by the rule above.
     *
     * @param event the event
     * @param json its JSON (UTF-8), as on its topic
     * @return false when the event was ignored (a provisional event for a window already final)
     */
    public boolean add(final AnalyzerEvent event, final byte[] json) {
        final Bytes key = TimelineKey.of(event).bytes();
        if (event.status() == EventStatus.PROVISIONAL) {
            final byte[] stored = store.get(key);
            if (stored != null && parse(stored).status() == EventStatus.FINAL) {
                return false;
            }
        }
        if (event.task() == Task.MQ) {
            for (final Bytes superseded : supersededMoments(event, key)) {
                store.delete(superseded);
            }
        }
        store.put(key, json);
        trim(event.cameraId(), event.task());
        return true;
    }

    /**
     * Deletes every event of a camera.
     *
     * @param cameraId the camera
     * @return how many were deleted
     */
    public int deleteCamera(final String cameraId) {
        final List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.prefixScan(TimelineKey.cameraPrefix(cameraId), PREFIX)) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
        return keys.size();
    }

    /**
     * Every stored event of a camera, in key order (by task, then session, then last frame).
     *
     * @param store the store, or a read-only view of it (interactive queries)
     * @param cameraId the camera
     * @return the events with their JSON
     */
    public static List<StoredEvent> read(final ReadOnlyKeyValueStore<Bytes, byte[]> store, final String cameraId) {
        final List<StoredEvent> events = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.prefixScan(TimelineKey.cameraPrefix(cameraId), PREFIX)) {
            while (all.hasNext()) {
                final KeyValue<Bytes, byte[]> kv = all.next();
                events.add(new StoredEvent(parse(kv.value), new String(kv.value, StandardCharsets.UTF_8)));
            }
        }
        return events;
    }

    private List<Bytes> supersededMoments(final AnalyzerEvent moment, final Bytes key) {
        final List<Bytes> superseded = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.prefixScan(
                TimelineKey.taskPrefix(moment.cameraId(), Task.MQ), PREFIX)) {
            while (all.hasNext()) {
                final KeyValue<Bytes, byte[]> kv = all.next();
                if (kv.key.equals(key) || !isProvisional(kv.value)) {
                    continue;
                }
                final AnalyzerEvent other = parse(kv.value);
                if (other.status() == EventStatus.PROVISIONAL && other.sessionId() == moment.sessionId()
                        && sameClass(other, moment) && overlap(other, moment)) {
                    superseded.add(kv.key);
                }
            }
        }
        return superseded;
    }

    /**
     * Whether two moments have the same class (the id of their first label; both unlabelled counts as the same).
     *
     * @param a a moment
     * @param b another moment
     * @return true when their classes agree
     */
    public static boolean sameClass(final AnalyzerEvent a, final AnalyzerEvent b) {
        if (a.labels().isEmpty() || b.labels().isEmpty()) {
            return a.labels().isEmpty() && b.labels().isEmpty();
        }
        return a.labels().get(0).id() == b.labels().get(0).id();
    }

    /**
     * Whether two events' time spans overlap (share more than an end point).
     *
     * @param a an event
     * @param b another event
     * @return true when they overlap
     */
    public static boolean overlap(final AnalyzerEvent a, final AnalyzerEvent b) {
        return a.time().startSeconds() < b.time().endSeconds() && b.time().startSeconds() < a.time().endSeconds();
    }

    private void trim(final String cameraId, final Task task) {
        final List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.prefixScan(TimelineKey.taskPrefix(cameraId, task), PREFIX)) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        for (int i = 0; i < keys.size() - eventsPerTask; i++) {
            store.delete(keys.get(i));
        }
    }

    /** Whether stored event JSON is provisional, without parsing it (the serde writes {@code "status":"..."}). */
    private static boolean isProvisional(final byte[] json) {
        return new String(json, StandardCharsets.UTF_8).contains(PROVISIONAL);
    }

    private static AnalyzerEvent parse(final byte[] json) {
        return AnalyzerEventSerde.fromJson(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * An event read from the store.
     *
     * @param event the event
     * @param json its JSON as stored
     */
    public record StoredEvent(AnalyzerEvent event, String json) {}
}
