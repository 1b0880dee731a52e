package io.egostream.stream.search;

import io.egostream.model.videotext.SegmentPooling;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Where the search indexer stands in one camera's stream (store {@code search-cursors}, key camera id): the open
 * session, its last frame, the chunk being filled and the running pooling of its frames' hidden vectors, and the
 * last chunk that was completed.
 *
 * @param sessionId the open session
 * @param lastIndex last frame index taken
 * @param lastCaptureMs capture time of that frame
 * @param chunk index of the chunk being filled (frames {@code [chunk C, (chunk + 1) C)})
 * @param chunkStartCaptureMs capture time of the chunk's first frame taken (meaningless while it has none)
 * @param lastFinishedChunk the last chunk completed, -1 for none
 * @param pooling the chunk's frames so far (0 frames right after a chunk completed)
 */
public record CameraCursor(long sessionId, long lastIndex, long lastCaptureMs, long chunk, long chunkStartCaptureMs,
        long lastFinishedChunk, SegmentPooling pooling) {

    private static final byte VERSION = 1;

    /**
     * The bytes of a cursor: version 1, the six int64 fields, frames pooled (int32), H (int32), sum and max
     * (H float32 each), little-endian.
     *
     * @return the value bytes
     */
    public byte[] toBytes() {
        final float[] sum = pooling.sum();
        final float[] max = pooling.max();
        final ByteBuffer b = ByteBuffer.allocate(1 + 6 * 8 + 8 + 8 * sum.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(VERSION).putLong(sessionId).putLong(lastIndex).putLong(lastCaptureMs).putLong(chunk)
                .putLong(chunkStartCaptureMs).putLong(lastFinishedChunk).putInt(pooling.frames()).putInt(sum.length);
        for (final float v : sum) {
            b.putFloat(v);
        }
        for (final float v : max) {
            b.putFloat(v);
        }
        return b.array();
    }

    /**
     * Reads a cursor.
     *
     * @param bytes the value bytes
     * @return the cursor
     * @throws IllegalArgumentException for an unknown version or wrong length
     */
    public static CameraCursor fromBytes(final byte[] bytes) {
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 57 || b.get() != VERSION) {
            throw new IllegalArgumentException("search cursor of " + bytes.length
                    + " bytes has an unknown version or is truncated");
        }
        final long session = b.getLong();
        final long last = b.getLong();
        final long lastMs = b.getLong();
        final long chunk = b.getLong();
        final long chunkMs = b.getLong();
        final long finished = b.getLong();
        final int frames = b.getInt();
        final int h = b.getInt();
        if (bytes.length != 57 + 8L * h) {
            throw new IllegalArgumentException("search cursor of " + bytes.length + " bytes does not hold H = " + h);
        }
        final float[] sum = new float[h];
        final float[] max = new float[h];
        for (int i = 0; i < h; i++) {
            sum[i] = b.getFloat();
        }
        for (int i = 0; i < h; i++) {
            max[i] = b.getFloat();
        }
        final SegmentPooling pooling = frames == 0 ? new SegmentPooling(h) : SegmentPooling.restore(sum, max, frames);
        return new CameraCursor(session, last, lastMs, chunk, chunkMs, finished, pooling);
    }
}
