package io.egostream.stream.processor;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of {@link CameraState} for the changelogged store: version byte {@value #VERSION}, six int64
 * (session, base, last, last capture, next for inference, first retained, big-endian), a closed byte, the moment
 * sequence (int64) and the moment horizon (float64).
 */
public final class CameraStateSerde implements Serde<CameraState> {

    /** Encoding version. */
    public static final byte VERSION = 2;
    private static final int SIZE = 1 + 6 * Long.BYTES + 1 + Long.BYTES + Double.BYTES;

    @Override
    public Serializer<CameraState> serializer() {
        return (topic, s) -> {
            if (s == null) {
                return null;
            }
            return ByteBuffer.allocate(SIZE).put(VERSION).putLong(s.sessionId()).putLong(s.baseIndex())
                    .putLong(s.lastIndex()).putLong(s.lastCaptureMs()).putLong(s.nextForInference())
                    .putLong(s.firstRetained()).put((byte) (s.closed() ? 1 : 0)).putLong(s.momentSeq())
                    .putDouble(s.momentHorizonSeconds()).array();
        };
    }

    @Override
    public Deserializer<CameraState> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != SIZE || bytes[0] != VERSION) {
                throw new SerializationException("camera state of " + bytes.length + " bytes, version "
                        + (bytes.length == 0 ? "none" : bytes[0]) + ": expected " + SIZE + " bytes of version "
                        + VERSION);
            }
            final ByteBuffer in = ByteBuffer.wrap(bytes, 1, SIZE - 1);
            return new CameraState(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                    in.getLong(), in.get() == 1, in.getLong(), in.getDouble());
        };
    }
}
