package io.egostream.stream.search;

import io.egostream.model.videotext.SearchEntry;
import io.egostream.model.videotext.SearchLevel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Bytes of the search stores.
 *
 * <p><b>Embedding key</b> (store {@code search-embeddings}): camera id UTF-8, {@code 0x00}, level (0 segment,
 * 1 window), session id and first frame as big-endian int64, so one camera's entries of one level and session are
 * contiguous and ordered by frame. <b>Embedding value</b>: version {@code 1}, last frame (int64), start and end
 * seconds (float64), start and end capture ms (int64), final flag (1 byte), E and the embedding (int32 + E
 * float32), H and the chunk state {@code z} (int32 + H float32; H = 0 for windows). All little-endian except the
 * key. A chunk entry at E = 384, H = 256 is 2,609 bytes plus its key.
 */
public final class SearchStoreCodec {

    /** Version byte of every value. */
    public static final byte VERSION = 1;
    private static final int KEY_TAIL = 1 + 1 + 8 + 8;
    private static final int VALUE_HEADER = 1 + 8 + 8 + 8 + 8 + 8 + 1 + 4 + 4;

    private SearchStoreCodec() {
    }

    /**
     * An entry as stored: the entry and, for a chunk, its segment state.
     *
     * @param entry the searchable entry
     * @param state the chunk's state {@code z} ({@code [H]}), empty for a window
     */
    public record Stored(SearchEntry entry, float[] state) {
    }

    /**
     * The key of an entry.
     *
     * @param camera the camera id
     * @param level the level
     * @param sessionId the session
     * @param firstFrame the first frame
     * @return the key bytes
     */
    public static Bytes key(final String camera, final SearchLevel level, final long sessionId,
            final long firstFrame) {
        final byte[] id = camera.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer b = ByteBuffer.allocate(id.length + KEY_TAIL).order(ByteOrder.BIG_ENDIAN);
        b.put(id).put((byte) 0).put((byte) level.ordinal()).putLong(sessionId).putLong(firstFrame);
        return Bytes.wrap(b.array());
    }

    /**
     * The key of an entry.
     *
     * @param e the entry
     * @return its key
     */
    public static Bytes key(final SearchEntry e) {
        return key(e.cameraId(), e.level(), e.sessionId(), e.firstFrame());
    }

    /**
     * Encodes an entry.
     *
     * @param e the entry
     * @param state the chunk state, or an empty array for a window
     * @return the value bytes
     */
    public static byte[] value(final SearchEntry e, final float[] state) {
        final float[] emb = e.embedding();
        final ByteBuffer b = ByteBuffer.allocate(VALUE_HEADER + 4 * (emb.length + state.length))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(VERSION).putLong(e.lastFrame()).putDouble(e.startSeconds()).putDouble(e.endSeconds())
                .putLong(e.startCaptureMs()).putLong(e.endCaptureMs()).put((byte) (e.isFinal() ? 1 : 0));
        b.putInt(emb.length);
        for (final float v : emb) {
            b.putFloat(v);
        }
        b.putInt(state.length);
        for (final float v : state) {
            b.putFloat(v);
        }
        return b.array();
    }

    /**
     * Decodes a stored entry.
     *
     * @param key the key bytes
     * @param value the value bytes
     * @return the entry and its state
     * @throws IllegalArgumentException for an unknown version or truncated bytes
     */
    public static Stored decode(final Bytes key, final byte[] value) {
        final byte[] k = key.get();
        final int id = k.length - KEY_TAIL;
        if (id < 1 || k[id] != 0) {
            throw new IllegalArgumentException("search store key of " + k.length + " bytes is malformed");
        }
        final ByteBuffer kb = ByteBuffer.wrap(k, id + 1, KEY_TAIL - 1).order(ByteOrder.BIG_ENDIAN);
        final SearchLevel level = SearchLevel.values()[kb.get()];
        final long session = kb.getLong();
        final long first = kb.getLong();
        final ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        if (value.length < VALUE_HEADER || b.get() != VERSION) {
            throw new IllegalArgumentException("search store value of " + value.length
                    + " bytes has an unknown version or is truncated");
        }
        final long last = b.getLong();
        final double start = b.getDouble();
        final double end = b.getDouble();
        final long startMs = b.getLong();
        final long endMs = b.getLong();
        final boolean isFinal = b.get() == 1;
        final float[] emb = floats(b);
        final float[] state = floats(b);
        return new Stored(new SearchEntry(new String(k, 0, id, StandardCharsets.UTF_8), session, level, first, last,
                start, end, startMs, endMs, isFinal, emb), state);
    }

    private static float[] floats(final ByteBuffer b) {
        final int n = b.getInt();
        if (n < 0 || n * 4L > b.remaining()) {
            throw new IllegalArgumentException("search store value declares " + n + " floats but holds "
                    + b.remaining() / 4);
        }
        final float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }
}
