package io.egostream.stream.serde;

import io.egostream.model.codec.DecodeResult;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.domain.CameraRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde of the frames topic over {@link FeatureFrameCodec}. Its value type is {@link DecodeResult}, so
 * the deserializer never throws: bad bytes arrive as {@link DecodeResult.Rejected} with the reason and the
 * original bytes, and the topology routes them to the dead-letter topic. The serializer writes a
 * {@link DecodeResult.Decoded} record in the wire format and a {@link DecodeResult.Rejected} one as its
 * original bytes, unchanged. Producers that hold plain records use {@link #recordSerializer()}.
 */
public final class FeatureFrameSerde implements Serde<DecodeResult> {

    private final FeatureFrameCodec codec;

    /**
     * A serde for frames of one feature dimension.
     *
     * @param expectedDimension D; frames of another dimension decode as {@code DIMENSION_MISMATCH}
     */
    public FeatureFrameSerde(final int expectedDimension) {
        this.codec = FeatureFrameCodec.forDimension(expectedDimension);
    }

    /**
     * The feature dimension the deserializer accepts.
     *
     * @return D
     */
    public int expectedDimension() {
        return codec.expectedDimension();
    }

    @Override
    public Serializer<DecodeResult> serializer() {
        return (topic, result) -> {
            if (result == null) {
                return null;
            }
            if (result instanceof DecodeResult.Decoded decoded) {
                return FeatureFrameCodec.encode(decoded.record());
            }
            return ((DecodeResult.Rejected) result).payload();
        };
    }

    @Override
    public Deserializer<DecodeResult> deserializer() {
        return (topic, bytes) -> codec.decode(bytes);
    }

    /**
     * A serializer of plain frames and end-of-stream markers, for producers.
     *
     * @return a serializer writing the wire format (null stays null)
     */
    public static Serializer<CameraRecord> recordSerializer() {
        return (topic, record) -> record == null ? null : FeatureFrameCodec.encode(record);
    }
}
