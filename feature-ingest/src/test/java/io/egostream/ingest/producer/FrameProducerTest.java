package io.egostream.ingest.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.domain.FeatureFrame;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class FrameProducerTest {

    private static FeatureFrame frame(final long index) {
        return new FeatureFrame("cam-1", 0, index, 1_000 + index, new float[] {1f, 2f});
    }

    @Test
    void shouldSendTheWireFormatKeyedByCameraWithCaptureTimestamp() {
        final MockProducer<String, byte[]> mock = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        try (FrameProducer producer = new FrameProducer(mock, "frames")) {
            producer.send(frame(3));
            assertEquals(1, mock.history().size());
            assertEquals("cam-1", mock.history().get(0).key());
            assertEquals(1_003L, mock.history().get(0).timestamp());
            assertArrayEquals(FeatureFrameCodec.encode(frame(3)), mock.history().get(0).value());
            assertEquals(new SendReport(1, 1, 0, java.util.Map.of()), producer.report());
        }
    }

    @Test
    void shouldCountEveryFailedSendByReason() {
        final MockProducer<String, byte[]> mock = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer());
        try (FrameProducer producer = new FrameProducer(mock, "frames")) {
            producer.send(frame(0));
            producer.send(frame(1));
            producer.send(frame(2));
            mock.completeNext();
            mock.errorNext(new RecordTooLargeException("too big"));
            mock.errorNext(new RecordTooLargeException("too big"));
            final SendReport report = producer.report();
            assertEquals(3, report.sent());
            assertEquals(1, report.acknowledged());
            assertEquals(2, report.failed());
            assertEquals(0, report.inFlight());
            assertEquals(2L, report.failuresByReason().get("RecordTooLargeException: too big"));
            assertTrue(report.summary().contains("2 failed"), report.summary());
        }
    }
}
