package io.egostream.stream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.Task;
import io.egostream.stream.dashboard.CameraActivity;
import io.egostream.stream.dashboard.DashboardSettings;
import io.egostream.stream.dashboard.DashboardTopology;
import io.egostream.stream.dashboard.TestEvents;
import io.egostream.stream.serde.AnalyzerEventSerde;
import io.egostream.stream.serde.FeatureFrameSerde;
import io.egostream.stream.topology.Topics;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The directory over real dashboard stores, filled through the dashboard's processors. */
@ExtendWith(VertxExtension.class)
class LocalCameraDirectoryTest {

    private static final long T = TestEvents.T0;

    @TempDir
    private Path stateDir;
    private TopologyTestDriver driver;
    private LocalCameraDirectory directory;

    @BeforeEach
    void fill(final Vertx vertx) {
        final EgoStreamConfig config = ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_FEATURE_DIM", "2"));
        final Topics topics = Topics.from(config);
        final DashboardSettings settings = DashboardSettings.from(config);
        final Topology topology = new Topology();
        topology.addSource("frames-source", new StringDeserializer(), new FeatureFrameSerde(2).deserializer(),
                topics.frames().name());
        DashboardTopology.addTo(topology, "frames-source", topics, settings);
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "directory-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, props, Instant.ofEpochMilli(T));
        final var frames = driver.createInputTopic(topics.frames().name(), new StringSerializer(),
                new ByteArraySerializer());
        for (int i = 0; i < 3; i++) {
            final FeatureFrame f = new FeatureFrame("cam-1", 0, i, T - 100 + i, new float[] {1, 2});
            frames.pipeInput("cam-1", FeatureFrameCodec.encode(f));
        }
        for (final AnalyzerEvent e : List.of(
                TestEvents.event("cam-1", Task.AR, EventStatus.PROVISIONAL, 0, 15, T + 3),
                TestEvents.event("cam-1", Task.MQ, EventStatus.FINAL, 2, 9, T + 1),
                TestEvents.event("cam-1", Task.PNR, EventStatus.FINAL, 4, 19, T + 2),
                TestEvents.event("cam-12", Task.AR, EventStatus.FINAL, 0, 15, T + 5))) {
            driver.createInputTopic(topics.events(e.task()).name(), new StringSerializer(), new ByteArraySerializer())
                    .pipeInput(e.cameraId(), AnalyzerEventSerde.toJson(e).getBytes(StandardCharsets.UTF_8));
        }
        final DashboardStores stores = new DashboardStores() {
            @Override
            public ReadOnlyKeyValueStore<String, CameraActivity> activities() {
                return driver.getKeyValueStore(DashboardTopology.ACTIVITY_STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<Bytes, byte[]> timeline() {
                return driver.getKeyValueStore(DashboardTopology.TIMELINE_STORE);
            }
        };
        directory = new LocalCameraDirectory(vertx, stores, settings, () -> "here:1", () -> T + 1_000);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldListCamerasWithStatusRateLagAndLastEvent(final VertxTestContext ctx) {
        directory.cameras().onComplete(ctx.succeeding(list -> ctx.verify(() -> {
            assertEquals(List.of("here:1"), list.instances());
            assertEquals(2, list.cameras().size());
            final CameraView cam = list.cameras().get(0);
            assertEquals("cam-1", cam.cameraId());
            assertEquals("active", cam.status());
            assertEquals(3, cam.frames());
            assertEquals(0.098, cam.lagSeconds(), 1e-9, "taken at T, captured at T - 98 ms");
            assertEquals(Task.AR, cam.lastEvent().task(), "the event emitted last");
            assertEquals("here:1", cam.instance());
            assertEquals("cam-12", list.cameras().get(1).cameraId(), "known from its events only");
            ctx.completeNow();
        })));
    }

    @Test
    void shouldReturnEventsOldestEmittedFirstAfterTheFilters(final VertxTestContext ctx) {
        directory.events("cam-1", EventQuery.all()).compose(all -> {
            ctx.verify(() -> {
                assertEquals(3, all.orElseThrow().size());
                assertTrue(all.get().get(0).contains("\"task\":\"MQ\""), all.get().get(0));
                assertTrue(all.get().get(2).contains("\"task\":\"AR\""), all.get().get(2));
            });
            return directory.events("cam-1", EventQuery.parse(Map.of("since", Long.toString(T + 1), "limit",
                    "1")::get));
        }).compose(newest -> {
            ctx.verify(() -> {
                assertEquals(1, newest.orElseThrow().size());
                assertTrue(newest.get().get(0).contains("\"task\":\"AR\""));
            });
            return directory.events("cam-9", EventQuery.all());
        }).onComplete(ctx.succeeding(unknown -> ctx.verify(() -> {
            assertTrue(unknown.isEmpty(), "an unknown camera is empty, not an empty list");
            ctx.completeNow();
        })));
    }
}
