package io.egostream.stream.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.config.ConfigLoader;
import io.egostream.config.EgoStreamConfig;
import io.egostream.model.codec.DecodeResult;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.codec.RejectReason;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.Task;
import io.egostream.stream.serde.AnalyzerEventSerde;
import io.egostream.stream.serde.FeatureFrameSerde;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private final Topics topics = Topics.from(EgoStreamConfig.defaults());

    @Test
    void shouldNameEveryTopicFromTheConfiguration() {
        assertEquals(List.of("egostream.frames", "egostream.actions", "egostream.state-changes", "egostream.pnr",
                "egostream.anticipations", "egostream.moments", "egostream.frames.dlq"), topics.names());
        assertEquals("egostream.actions", topics.events(Task.AR).name());
        assertEquals("egostream.state-changes", topics.stateChanges().name());
        assertEquals("egostream.pnr", topics.pnr().name());
        assertEquals("egostream.anticipations", topics.anticipations().name());
        assertEquals("egostream.moments", topics.moments().name());
        final Topics renamed = Topics.from(ConfigLoader.load(null, Map.of(
                "EGOSTREAM_TOPICS_MOMENTS", "site-a.moments", "EGOSTREAM_TOPICS_PARTITIONS", "12",
                "EGOSTREAM_KAFKA_REPLICATION_FACTOR", "3")));
        assertEquals("site-a.moments", renamed.moments().name());
        for (final NewTopic topic : renamed.newTopics()) {
            assertEquals(12, topic.numPartitions());
            assertEquals((short) 3, topic.replicationFactor());
        }
        assertEquals(renamed.names(), renamed.newTopics().stream().map(NewTopic::name).toList());
    }

    @Test
    void shouldCarryTheSerdesOfEachTopic() {
        assertInstanceOf(FeatureFrameSerde.class, topics.frames().valueSerde());
        assertEquals(256, ((FeatureFrameSerde) topics.frames().valueSerde()).expectedDimension());
        for (final Task task : Task.values()) {
            assertInstanceOf(AnalyzerEventSerde.class, topics.events(task).valueSerde());
            assertEquals(Serdes.String().getClass(), topics.events(task).keySerde().getClass());
        }
        assertEquals(Serdes.ByteArray().getClass(), topics.framesDlq().valueSerde().getClass());
    }

    @Test
    void framesTopicDeliversRejectionsToKafkaStreamsWithoutFailing() {
        final Topics small = Topics.from(ConfigLoader.load(null, Map.of("EGOSTREAM_MODEL_FEATURE_DIM", "2")));
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(small.frames().name(), small.frames().consumed())
                .mapValues(r -> r instanceof DecodeResult.Rejected rej ? rej.reason().name() : "OK")
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            final TestInputTopic<String, byte[]> in = driver.createInputTopic(small.frames().name(),
                    Serdes.String().serializer(), Serdes.ByteArray().serializer());
            final TestOutputTopic<String, String> out = driver.createOutputTopic("out",
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            in.pipeInput("cam", FeatureFrameCodec.encode(new FeatureFrame("cam", 0, 0, 0, new float[] {1f, 2f})));
            in.pipeInput("cam", new byte[] {9, 9, 9});
            in.pipeInput("cam", (byte[]) null);
            assertEquals(List.of("OK", "BAD_MAGIC", "EMPTY"), out.readValuesToList());
        }
    }

    @Test
    void deadLetterHeadersRoundTrip() {
        final DeadLetter letter = new DeadLetter(RejectReason.NON_FINITE, "feature 3 of frame 42 of camera 'c' is NaN",
                "egostream.frames", 2, 1234L);
        final Headers headers = letter.toHeaders();
        assertEquals("NON_FINITE", new String(headers.lastHeader(DeadLetter.REASON_HEADER).value()));
        assertEquals("1234", new String(headers.lastHeader(DeadLetter.SOURCE_OFFSET_HEADER).value()));
        assertEquals(letter, DeadLetter.readFrom(headers));
        letter.writeTo(headers);
        assertEquals(5, headers.toArray().length, "writing twice replaces, never duplicates");
        final TestRecord<String, byte[]> record = new TestRecord<>("c", new byte[] {1}, headers);
        assertEquals(letter, DeadLetter.readFrom(record.headers()));
        headers.remove(DeadLetter.SOURCE_TOPIC_HEADER);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeadLetter.readFrom(headers));
        assertTrue(e.getMessage().contains(DeadLetter.SOURCE_TOPIC_HEADER), e.getMessage());
    }
}
