package io.egostream.stream.processor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The pending moment candidates of every camera of a stream task, in the changelogged store
 * {@code moment-candidates}: key = camera id (UTF-8), 0x00, sequence number (int64 big-endian); value =
 * {@link MomentCandidate#encode()}.
 */
final class MomentStore {

    private final KeyValueStore<Bytes, byte[]> store;

    MomentStore(final KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    private static Bytes key(final String cameraId, final long seq) {
        final byte[] id = cameraId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(id.length + 1 + Long.BYTES).put(id).put((byte) 0).putLong(seq).array());
    }

    void put(final String cameraId, final long seq, final MomentCandidate candidate) {
        store.put(key(cameraId, seq), candidate.encode());
    }

    /** Every pending candidate of a camera with its sequence number, in sequence order. */
    List<KeyValue<Long, MomentCandidate>> all(final String cameraId) {
        final List<KeyValue<Long, MomentCandidate>> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.range(key(cameraId, 0), key(cameraId, Long.MAX_VALUE))) {
            while (it.hasNext()) {
                final KeyValue<Bytes, byte[]> kv = it.next();
                final ByteBuffer k = ByteBuffer.wrap(kv.key.get());
                out.add(KeyValue.pair(k.getLong(k.capacity() - Long.BYTES), MomentCandidate.decode(kv.value)));
            }
        }
        return out;
    }

    void delete(final String cameraId, final long seq) {
        store.delete(key(cameraId, seq));
    }
}
