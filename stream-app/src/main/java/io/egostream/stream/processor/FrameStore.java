package io.egostream.stream.processor;

import io.egostream.model.codec.DecodeResult;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.domain.FeatureFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The recent frames of every camera of a stream task, in the changelogged store {@code camera-frames}: key =
 * camera id (UTF-8), a 0x00 byte, the frame index (int64 big-endian), so a camera's frames sort by index;
 * value = the frame in the wire format. Camera ids hold no control characters, so the 0x00 separator is
 * unambiguous.
 */
final class FrameStore {

    private final KeyValueStore<Bytes, byte[]> store;
    private final FeatureFrameCodec codec;

    FrameStore(final KeyValueStore<Bytes, byte[]> store, final int featureDim) {
        this.store = store;
        this.codec = FeatureFrameCodec.forDimension(featureDim);
    }

    static Bytes key(final String cameraId, final long index) {
        final byte[] id = cameraId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(id.length + 1 + Long.BYTES).put(id).put((byte) 0).putLong(index)
                .array());
    }

    void put(final FeatureFrame frame) {
        store.put(key(frame.cameraId(), frame.frameIndex()), FeatureFrameCodec.encode(frame));
    }

    FeatureFrame get(final String cameraId, final long index) {
        final byte[] bytes = store.get(key(cameraId, index));
        if (bytes == null) {
            throw new IllegalArgumentException("frame " + index + " of camera '" + cameraId
                    + "' is not in the frame store");
        }
        final DecodeResult result = codec.decode(bytes);
        if (!(result instanceof DecodeResult.Decoded decoded) || !(decoded.record() instanceof FeatureFrame f)) {
            throw new IllegalStateException("frame " + index + " of camera '" + cameraId
                    + "' in the frame store does not decode: " + result);
        }
        return f;
    }

    float[][] features(final String cameraId, final long first, final long last) {
        final float[][] out = new float[(int) (last - first + 1)][];
        for (long i = first; i <= last; i++) {
            out[(int) (i - first)] = get(cameraId, i).features();
        }
        return out;
    }

    /** Deletes frames {@code [from, to]} of a camera. */
    void delete(final String cameraId, final long from, final long to) {
        for (long i = from; i <= to; i++) {
            store.delete(key(cameraId, i));
        }
    }
}
