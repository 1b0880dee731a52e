package io.egostream.stream.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.codec.RejectReason;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.Task;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.inference.CameraSession;
import io.egostream.stream.metrics.AnalyzerMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTopologyTest {

    private static final int DIM = 4;

    private final RecordingInference inference = new RecordingInference();
    private final AnalyzerMetrics metrics = AnalyzerMetrics.withNewRegistry("egostream");
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> frames;
    private TestOutputTopic<String, AnalyzerEvent> actions;
    private TestOutputTopic<String, AnalyzerEvent> stateChanges;
    private TestOutputTopic<String, byte[]> dlq;
    private Topics topics;
    @TempDir
    private Path stateDir;

    private void start(final Map<String, String> env) {
        final EgoStreamConfig config = ConfigLoader.load(null, env);
        topics = Topics.from(config);
        final Properties props = StreamsProperties.streams(config, "dummy:9092");
        props.put("processing.guarantee", "at_least_once");
        props.put("state.dir", stateDir.toString());
        driver = new TopologyTestDriver(AnalyzerTopology.build(config, inference, metrics), props,
                Instant.ofEpochMilli(0));
        frames = driver.createInputTopic(topics.frames().name(), new StringSerializer(), new ByteArraySerializer());
        actions = driver.createOutputTopic(topics.actions().name(), topics.actions().keySerde().deserializer(),
                topics.actions().valueSerde().deserializer());
        stateChanges = driver.createOutputTopic(topics.stateChanges().name(),
                topics.stateChanges().keySerde().deserializer(), topics.stateChanges().valueSerde().deserializer());
        dlq = driver.createOutputTopic(topics.framesDlq().name(), topics.framesDlq().keySerde().deserializer(),
                topics.framesDlq().valueSerde().deserializer());
    }

    @BeforeEach
    void startDefault() {
        start(Map.of("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM), "EGOSTREAM_MODEL_BATCH_SIZE", "4"));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static FeatureFrame frame(final String camera, final long session, final long index) {
        return new FeatureFrame(camera, session, index, 1_000 + 533 * index, new float[] {index, 1, 2, 3});
    }

    private void send(final FeatureFrame f) {
        frames.pipeInput(f.cameraId(), FeatureFrameCodec.encode(f), f.captureTimeMs());
    }

    @Test
    void shouldBatchNewFramesAndEmitEventsKeyedByCamera() {
        for (int i = 0; i < 4; i++) {
            send(frame("cam-a", 0, i));
        }
        assertEquals(1, inference.steps.size(), "4 new frames fill a batch of 4");
        final List<TestRecord<String, AnalyzerEvent>> events = actions.readRecordsToList();
        assertEquals(1, events.size());
        final AnalyzerEvent event = events.get(0).value();
        assertEquals("cam-a", events.get(0).key());
        assertEquals(0, event.frames().first());
        assertEquals(3, event.frames().last());
        assertEquals("sum_6", event.labels().get(0).label());
        assertEquals(1_000, event.time().startCaptureTimeMs());
        assertEquals(1_000 + 533 * 3 + 533, event.time().endCaptureTimeMs());
        assertEquals(Task.AR, event.task());
        assertEquals("fake", event.model().id());
        assertEquals(4, metrics.framesInCount());
        assertEquals(1, metrics.eventsOutCount(topics.actions().name()));
    }

    @Test
    void shouldFlushAPartialBatchAfterTheTimeCap() {
        send(frame("cam-a", 0, 0));
        send(frame("cam-b", 0, 0));
        assertTrue(inference.steps.isEmpty());
        driver.advanceWallClockTime(Duration.ofMillis(60));
        assertEquals(1, inference.steps.size());
        assertEquals(2, inference.steps.get(0).size(), "one step serves both cameras");
        assertEquals(2, actions.readRecordsToList().size());
    }

    @Test
    void undecodableAndMismatchedRecordsGoToTheDeadLetterTopicWithReasonAndOffset() {
        send(frame("cam-a", 0, 0));
        frames.pipeInput("cam-a", new byte[] {1, 2, 3});
        final FeatureFrame wrongDim = new FeatureFrame("cam-a", 0, 1, 2_000, new float[] {1, 2});
        frames.pipeInput("cam-a", FeatureFrameCodec.encode(wrongDim));
        frames.pipeInput("cam-z", FeatureFrameCodec.encode(frame("cam-a", 0, 1)));
        final List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
        assertEquals(3, dead.size());
        final DeadLetter first = DeadLetter.readFrom(dead.get(0).headers());
        assertEquals(RejectReason.BAD_MAGIC, first.reason());
        assertEquals(1, first.sourceOffset());
        assertEquals(topics.frames().name(), first.sourceTopic());
        assertEquals(RejectReason.DIMENSION_MISMATCH, DeadLetter.readFrom(dead.get(1).headers()).reason());
        assertEquals(2, DeadLetter.readFrom(dead.get(1).headers()).sourceOffset());
        assertEquals(RejectReason.KEY_MISMATCH, DeadLetter.readFrom(dead.get(2).headers()).reason());
        assertEquals("cam-z", dead.get(2).key());
        assertEquals(3, metrics.framesDlqCount());
        assertEquals(1, metrics.framesInCount());
    }

    @Test
    void repeatedIndexAndTimeGoingBackAreRefused() {
        send(frame("cam-a", 0, 0));
        send(frame("cam-a", 0, 1));
        send(frame("cam-a", 0, 1));
        final FeatureFrame early = new FeatureFrame("cam-a", 0, 2, 10, new float[] {0, 0, 0, 0});
        send(early);
        send(frame("cam-a", 1, 0));
        final FeatureFrame oldSession = frame("cam-a", 0, 5);
        send(oldSession);
        final List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
        assertEquals(3, dead.size());
        assertEquals(RejectReason.DUPLICATE_INDEX, DeadLetter.readFrom(dead.get(0).headers()).reason());
        assertEquals(RejectReason.OUT_OF_ORDER, DeadLetter.readFrom(dead.get(1).headers()).reason());
        assertEquals(RejectReason.OUT_OF_ORDER, DeadLetter.readFrom(dead.get(2).headers()).reason());
        assertTrue(DeadLetter.readFrom(dead.get(2).headers()).detail().contains("older session"));
    }

    @Test
    void gapsAreFilledWithThePreviousFrame() {
        send(frame("cam-a", 0, 0));
        send(frame("cam-a", 0, 3));
        driver.advanceWallClockTime(Duration.ofMillis(60));
        final float[][] seen = inference.seen.get(0);
        assertEquals(4, seen.length);
        assertEquals(0f, seen[1][0]);
        assertEquals(0f, seen[2][0]);
        assertEquals(3f, seen[3][0]);
    }

    @Test
    void endOfStreamComputesTheTailAndFreesTheCamera() {
        send(frame("cam-a", 0, 0));
        send(frame("cam-a", 0, 1));
        frames.pipeInput("cam-a", FeatureFrameCodec.encode(new EndOfStream("cam-a", 0, 2, 5_000)), 5_000);
        driver.advanceWallClockTime(Duration.ofMillis(60));
        final List<TestRecord<String, AnalyzerEvent>> tail = stateChanges.readRecordsToList();
        assertEquals(1, tail.size());
        assertTrue(inference.steps.get(inference.steps.size() - 1).get(0).closed());
        assertEquals(List.of(new CameraSession("cam-a", 0)), inference.released);
        final KeyValueStore<String, ?> sessions = driver.getKeyValueStore(StoreNames.CAMERA_SESSIONS);
        assertNull(sessions.get("cam-a"));
        final KeyValueStore<?, ?> stored = driver.getKeyValueStore(StoreNames.CAMERA_FRAMES);
        try (var all = stored.all()) {
            assertFalse(all.hasNext(), "no frame of a closed camera stays in the store");
        }
    }

    @Test
    void momentCandidatesAreSuppressedAndEmittedOnceWhenTheSessionCloses() {
        final TestOutputTopic<String, AnalyzerEvent> moments = driver.createOutputTopic(topics.moments().name(),
                topics.moments().keySerde().deserializer(), topics.moments().valueSerde().deserializer());
        send(frame("cam-a", 0, 0));
        send(frame("cam-a", 0, 1));
        driver.advanceWallClockTime(Duration.ofMillis(60));
        assertTrue(moments.isEmpty(), "no moment before its horizon");
        frames.pipeInput("cam-a", FeatureFrameCodec.encode(new EndOfStream("cam-a", 0, 2, 5_000)), 5_000);
        driver.advanceWallClockTime(Duration.ofMillis(60));
        final List<AnalyzerEvent> out = moments.readValuesToList();
        assertEquals(3, out.size());
        assertEquals("m3", out.get(0).labels().get(0).label());
        assertEquals(0.9, out.get(0).labels().get(0).score(), 1e-6, "the best candidate keeps its score");
        assertTrue(out.get(1).labels().get(0).score() < 0.8, "the overlapping one is decayed by soft-NMS");
        assertEquals(io.egostream.model.domain.EventStatus.FINAL, out.get(0).status());
        final KeyValueStore<?, ?> pending = driver.getKeyValueStore(StoreNames.MOMENT_CANDIDATES);
        try (var all = pending.all()) {
            assertFalse(all.hasNext(), "no candidate of a closed camera stays in the store");
        }
        driver.advanceWallClockTime(Duration.ofMillis(60));
        assertTrue(moments.isEmpty(), "each moment is emitted once");
    }

    @Test
    void settledMomentsBelowTheEmissionScoreAreNotEmitted() {
        driver.close();
        start(Map.of("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM), "EGOSTREAM_MODEL_BATCH_SIZE", "4",
                "EGOSTREAM_NMS_EMIT_MIN_SCORE", "0.6"));
        final TestOutputTopic<String, AnalyzerEvent> moments = driver.createOutputTopic(topics.moments().name(),
                topics.moments().keySerde().deserializer(), topics.moments().valueSerde().deserializer());
        send(frame("cam-a", 0, 0));
        frames.pipeInput("cam-a", FeatureFrameCodec.encode(new EndOfStream("cam-a", 0, 1, 5_000)), 5_000);
        driver.advanceWallClockTime(Duration.ofMillis(60));
        final List<AnalyzerEvent> out = moments.readValuesToList();
        assertEquals(List.of("m3", "m4"), out.stream().map(e -> e.labels().get(0).label()).toList(),
                "the soft-NMS-decayed m3 (about 0.53) stays below 0.6");
    }

    @Test
    void provisionalMomentsComeEveryHopAndTheFinalOnesOnce() {
        driver.close();
        inference.provisionalMoments = true;
        start(Map.of("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM), "EGOSTREAM_MODEL_BATCH_SIZE", "4",
                "EGOSTREAM_NMS_PROVISIONAL_HOP_SECONDS", "4", "EGOSTREAM_NMS_PROVISIONAL_TOP_K", "1"));
        final TestOutputTopic<String, AnalyzerEvent> moments = driver.createOutputTopic(topics.moments().name(),
                topics.moments().keySerde().deserializer(), topics.moments().valueSerde().deserializer());
        for (int i = 0; i < 16; i++) {
            send(frame("cam-a", 0, i));
        }
        // steps after frames 4, 8, 12, 16 (newest 2.13, 4.27, 6.40, 8.53 s): due at the first, then 4 s later
        final List<AnalyzerEvent> provisional = moments.readValuesToList();
        assertEquals(2, provisional.size(), provisional.toString());
        for (final AnalyzerEvent e : provisional) {
            assertEquals(io.egostream.model.domain.EventStatus.PROVISIONAL, e.status());
            assertEquals("m5", e.labels().get(0).label(), "top-1 only; m6 (0.2) is also below the emission score");
        }
        assertEquals(0, provisional.get(0).frames().first());
        assertEquals(8, provisional.get(1).frames().first(), "the second hop's provisional moment");
        frames.pipeInput("cam-a", FeatureFrameCodec.encode(new EndOfStream("cam-a", 0, 16, 20_000)), 20_000);
        driver.advanceWallClockTime(Duration.ofMillis(60));
        final List<AnalyzerEvent> finals = moments.readValuesToList();
        assertEquals(3, finals.size());
        assertTrue(finals.stream().allMatch(e -> e.status() == io.egostream.model.domain.EventStatus.FINAL));
    }

    @Test
    void noProvisionalMomentsWithAZeroHop() {
        driver.close();
        inference.provisionalMoments = true;
        start(Map.of("EGOSTREAM_MODEL_FEATURE_DIM", Integer.toString(DIM), "EGOSTREAM_MODEL_BATCH_SIZE", "4",
                "EGOSTREAM_NMS_PROVISIONAL_HOP_SECONDS", "0"));
        final TestOutputTopic<String, AnalyzerEvent> moments = driver.createOutputTopic(topics.moments().name(),
                topics.moments().keySerde().deserializer(), topics.moments().valueSerde().deserializer());
        for (int i = 0; i < 8; i++) {
            send(frame("cam-a", 0, i));
        }
        assertTrue(moments.isEmpty());
    }

    @Test
    void aNewSessionClosesTheOldOneFirst() {
        send(frame("cam-a", 0, 0));
        send(frame("cam-a", 0, 1));
        send(frame("cam-a", 1, 0));
        driver.advanceWallClockTime(Duration.ofMillis(60));
        assertEquals(1, stateChanges.readRecordsToList().size(), "session 0 was closed");
        final List<TestRecord<String, AnalyzerEvent>> ar = actions.readRecordsToList();
        assertEquals(0, ar.get(0).value().sessionId());
        assertEquals(1, ar.get(ar.size() - 1).value().sessionId());
    }

    @Test
    void idleCamerasCloseAfterTheTimeoutInStreamTime() {
        send(frame("cam-a", 0, 0));
        send(frame("cam-b", 0, 0));
        driver.advanceWallClockTime(Duration.ofMillis(60));
        final FeatureFrame late = new FeatureFrame("cam-b", 0, 1, 1_000 + 31_000, new float[] {1, 1, 1, 1});
        send(late);
        driver.advanceWallClockTime(Duration.ofMillis(60));
        final List<TestRecord<String, AnalyzerEvent>> closed = stateChanges.readRecordsToList();
        assertEquals(1, closed.size());
        assertEquals("cam-a", closed.get(0).key());
    }
}
