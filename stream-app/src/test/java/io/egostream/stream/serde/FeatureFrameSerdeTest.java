package io.egostream.stream.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.egostream.model.codec.DecodeResult;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.codec.RejectReason;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeatureFrameSerdeTest {

    private final FeatureFrameSerde serde = new FeatureFrameSerde(3);
    private final FeatureFrame frame = new FeatureFrame("cam-1", 0, 5, 1_000, new float[] {1f, 2f, 3f});

    @Test
    void shouldRoundTripFramesAndEndOfStream() {
        final byte[] bytes = FeatureFrameSerde.recordSerializer().serialize("f", frame);
        assertArrayEquals(FeatureFrameCodec.encode(frame), bytes);
        assertEquals(new DecodeResult.Decoded(frame), serde.deserializer().deserialize("f", bytes));
        final EndOfStream end = new EndOfStream("cam-1", 0, 6, 2_000);
        final byte[] endBytes = serde.serializer().serialize("f", new DecodeResult.Decoded(end));
        assertEquals(new DecodeResult.Decoded(end), serde.deserializer().deserialize("f", endBytes));
    }

    @Test
    void deserializerReturnsRejectionsInsteadOfThrowing() {
        final byte[] garbage = "hello".getBytes(StandardCharsets.UTF_8);
        final DecodeResult.Rejected bad = assertInstanceOf(DecodeResult.Rejected.class,
                serde.deserializer().deserialize("f", garbage));
        assertEquals(RejectReason.BAD_MAGIC, bad.reason());
        assertArrayEquals(garbage, bad.payload());
        assertEquals(RejectReason.EMPTY,
                ((DecodeResult.Rejected) serde.deserializer().deserialize("f", null)).reason());
        final byte[] wrongDim = FeatureFrameCodec.encode(new FeatureFrame("cam-1", 0, 5, 1_000, new float[] {1f}));
        assertEquals(RejectReason.DIMENSION_MISMATCH,
                ((DecodeResult.Rejected) serde.deserializer().deserialize("f", wrongDim)).reason());
    }

    @Test
    void serializerWritesRejectedRecordsAsTheirOriginalBytes() {
        final byte[] garbage = {1, 2, 3};
        final DecodeResult rejected = serde.deserializer().deserialize("f", garbage);
        assertArrayEquals(garbage, serde.serializer().serialize("f", rejected));
        assertNull(serde.serializer().serialize("f", null));
        assertNull(FeatureFrameSerde.recordSerializer().serialize("f", null));
    }
}
