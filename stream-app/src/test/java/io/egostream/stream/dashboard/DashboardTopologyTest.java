package io.egostream.stream.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.Task;
import io.egostream.stream.serde.AnalyzerEventSerde;
import io.egostream.stream.serde.FeatureFrameSerde;
import io.egostream.stream.topology.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTopologyTest {

    private static final int DIM = 2;
    private static final long WALL0 = TestEvents.T0;

    @TempDir
    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> frames;
    private final Map<Task, TestInputTopic<String, byte[]>> events = new EnumMap<>(Task.class);
    private DashboardSettings settings;

    @BeforeEach
    void start() {
        final EgoStreamConfig config = ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_FEATURE_DIM", "2"));
        final Topics topics = Topics.from(config);
        settings = DashboardSettings.from(config);
        final Topology topology = new Topology();
        topology.addSource("frames-source", new StringDeserializer(), new FeatureFrameSerde(DIM).deserializer(),
                topics.frames().name());
        DashboardTopology.addTo(topology, "frames-source", topics, settings);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dashboard-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props, Instant.ofEpochMilli(WALL0));
        frames = driver.createInputTopic(topics.frames().name(), new StringSerializer(), new ByteArraySerializer());
        for (final Task task : Task.values()) {
            events.put(task, driver.createInputTopic(topics.events(task).name(), new StringSerializer(),
                    new ByteArraySerializer()));
        }
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private KeyValueStore<String, CameraActivity> activities() {
        return driver.getKeyValueStore(DashboardTopology.ACTIVITY_STORE);
    }

    private List<CameraTimeline.StoredEvent> timeline(final String camera) {
        final KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(DashboardTopology.TIMELINE_STORE);
        return CameraTimeline.read(store, camera);
    }

    private void frame(final String camera, final long session, final long index) {
        final FeatureFrame f = new FeatureFrame(camera, session, index, TestEvents.T0 + 500 * index,
                new float[] {1, 2});
        frames.pipeInput(camera, FeatureFrameCodec.encode(f), f.captureTimeMs());
    }

    private void emit(final AnalyzerEvent event) {
        events.get(event.task()).pipeInput(event.cameraId(),
                AnalyzerEventSerde.toJson(event).getBytes(StandardCharsets.UTF_8), event.time().endCaptureTimeMs());
    }

    @Test
    void shouldCountFramesMeasureTheRateAndCloseOnEndOfStream() {
        for (int i = 0; i < 12; i++) {
            frame("cam-1", 0, i);
            driver.advanceWallClockTime(Duration.ofMillis(500));
        }
        CameraActivity a = activities().get("cam-1");
        assertEquals(12, a.frames());
        assertEquals(11, a.lastFrameIndex());
        assertEquals(2.0, a.framesPerSecond(), 1e-9, "10 frames after the first in the first 5 s window");
        assertEquals(CameraStatus.ACTIVE, CameraStatus.of(a, WALL0 + 6_000, settings));
        assertEquals(CameraStatus.IDLE, CameraStatus.of(a, a.lastSeenMs() + settings.idleAfterMs() + 1, settings));
        assertEquals(CameraStatus.CLOSED, CameraStatus.of(a, a.lastSeenMs() + settings.closeAfterMs() + 1, settings));

        final EndOfStream end = new EndOfStream("cam-1", 0, 12, TestEvents.T0 + 6_000);
        frames.pipeInput("cam-1", FeatureFrameCodec.encode(end), end.captureTimeMs());
        a = activities().get("cam-1");
        assertTrue(a.ended());
        assertEquals(CameraStatus.CLOSED, CameraStatus.of(a, a.lastSeenMs(), settings));

        frame("cam-1", 1, 0);
        a = activities().get("cam-1");
        assertEquals(1, a.sessionId());
        assertEquals(1, a.frames(), "a new session counts anew");
        assertEquals(CameraStatus.ACTIVE, CameraStatus.of(a, a.lastSeenMs(), settings));
    }

    @Test
    void repeatedOrOlderFramesAndMismatchedKeysChangeNothing() {
        frame("cam-1", 0, 0);
        frame("cam-1", 0, 1);
        frame("cam-1", 0, 1);
        final FeatureFrame other = new FeatureFrame("cam-2", 0, 0, TestEvents.T0, new float[] {1, 2});
        frames.pipeInput("cam-1", FeatureFrameCodec.encode(other));
        frames.pipeInput("cam-1", new byte[] {1, 2, 3});
        assertEquals(2, activities().get("cam-1").frames());
        assertNull(activities().get("cam-2"));
    }

    @Test
    void aFinalEventReplacesItsProvisionalWindowAndIsNeverReplacedBack() {
        frame("cam-1", 0, 0);
        emit(TestEvents.event("cam-1", Task.AR, EventStatus.PROVISIONAL, 0, 15, WALL0 + 1));
        emit(TestEvents.event("cam-1", Task.AR, EventStatus.PROVISIONAL, 4, 19, WALL0 + 2));
        emit(TestEvents.event("cam-1", Task.AR, EventStatus.FINAL, 0, 15, WALL0 + 3));
        emit(TestEvents.event("cam-1", Task.AR, EventStatus.PROVISIONAL, 0, 15, WALL0 + 4));
        final List<CameraTimeline.StoredEvent> stored = timeline("cam-1");
        assertEquals(2, stored.size());
        assertEquals(EventStatus.FINAL, stored.get(0).event().status());
        assertEquals(15, stored.get(0).event().frames().last());
        assertEquals(EventStatus.PROVISIONAL, stored.get(1).event().status(), "another window stays provisional");
        final LastEvent last = activities().get("cam-1").lastEvent();
        assertEquals(Task.AR, last.task());
        assertEquals("final", last.status(), "the ignored provisional event is not the camera's last event");
        assertEquals("take / cup (0.44)", last.summary());
    }

    @Test
    void aMomentReplacesOverlappingProvisionalMomentsOfItsClassOnly() {
        emit(TestEvents.moment("cam-1", 7, EventStatus.PROVISIONAL, 10, 20, WALL0 + 1));
        emit(TestEvents.moment("cam-1", 8, EventStatus.PROVISIONAL, 10, 20, WALL0 + 2));
        emit(TestEvents.moment("cam-1", 7, EventStatus.PROVISIONAL, 40, 50, WALL0 + 3));
        emit(TestEvents.moment("cam-1", 7, EventStatus.FINAL, 12, 24, WALL0 + 4));
        final List<CameraTimeline.StoredEvent> stored = timeline("cam-1");
        assertEquals(3, stored.size(), "class 7 at 10-20 s is replaced; class 8 and the later class 7 stay");
        assertTrue(stored.stream().anyMatch(e -> e.event().status() == EventStatus.FINAL
                && e.event().frames().first() == 12));
        assertTrue(stored.stream().noneMatch(e -> e.event().frames().first() == 10
                && e.event().labels().get(0).id() == 7));
        assertNotNull(activities().get("cam-1"), "a camera known only from events is listed");
    }

    @Test
    void momentsOfDifferentClassesOverTheSameFramesAreKeptApart() {
        emit(TestEvents.moment("cam-1", 7, EventStatus.PROVISIONAL, 10, 20, WALL0 + 1));
        emit(TestEvents.moment("cam-1", 8, EventStatus.PROVISIONAL, 10, 20, WALL0 + 2));
        emit(TestEvents.moment("cam-1", 7, EventStatus.FINAL, 10, 20, WALL0 + 3));
        final List<CameraTimeline.StoredEvent> stored = timeline("cam-1");
        assertEquals(2, stored.size(), "class 7 final, class 8 still provisional");
        assertEquals(EventStatus.FINAL, stored.stream().filter(e -> e.event().labels().get(0).id() == 7)
                .findFirst().orElseThrow().event().status());
        assertEquals(EventStatus.PROVISIONAL, stored.stream().filter(e -> e.event().labels().get(0).id() == 8)
                .findFirst().orElseThrow().event().status());
    }

    @Test
    void timelineKeysRoundTripAndSortByEndFrame() {
        final TimelineKey a = new TimelineKey("cam-1", Task.MQ, 2, 40, 30, 7);
        assertEquals(a, TimelineKey.from(a.bytes()));
        final TimelineKey b = new TimelineKey("cam-1", Task.MQ, 2, 41, 10, -1);
        assertTrue(a.bytes().compareTo(b.bytes()) < 0, "ends first");
        final byte[] prefix = TimelineKey.taskPrefix("cam-1", Task.MQ).get();
        assertArrayEquals(prefix, Arrays.copyOf(a.bytes().get(), prefix.length), "the task prefix starts the key");
    }

    @Test
    void shouldKeepOnlyTheNewestEventsOfEachTask() {
        for (int i = 0; i < DashboardSettings.EVENTS_PER_TASK + 5; i++) {
            emit(TestEvents.event("cam-1", Task.PNR, EventStatus.FINAL, 4L * i, 4L * i + 15, WALL0 + i));
        }
        emit(TestEvents.event("cam-1", Task.LTA, EventStatus.FINAL, 0, 29, WALL0 + 100));
        final List<CameraTimeline.StoredEvent> stored = timeline("cam-1");
        assertEquals(DashboardSettings.EVENTS_PER_TASK + 1, stored.size());
        assertEquals(20, stored.stream().filter(e -> e.event().task() == Task.PNR)
                .mapToLong(e -> e.event().frames().first()).min().orElseThrow(), "the 5 oldest PNR windows went");
        assertEquals(0, timeline("cam-10").size(), "another camera's prefix is not this one's");
    }

    @Test
    void closedCamerasAreDeletedWithTheirTimelineAfterTheRetention() {
        frame("cam-1", 0, 0);
        emit(TestEvents.event("cam-1", Task.AR, EventStatus.FINAL, 0, 15, WALL0 + 1));
        frame("cam-2", 0, 0);
        driver.advanceWallClockTime(Duration.ofMillis(settings.closeAfterMs() + settings.retainClosedMs()
                - 60_000));
        frame("cam-2", 0, 1);
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        assertNull(activities().get("cam-1"));
        assertEquals(0, timeline("cam-1").size());
        assertNotNull(activities().get("cam-2"), "cam-2 sent a frame within the retention");
    }
}
