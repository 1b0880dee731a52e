package io.egostream.stream.processor;

import io.egostream.model.domain.FrameRange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One pending moment candidate of a camera session (store {@code moment-candidates}), times in seconds from the
 * segment's first frame (as the inference gives them).
 *
 * @param sessionId the session
 * @param startSeconds segment start
 * @param endSeconds segment end
 * @param score class probability before NMS, in [0, 1]
 * @param classId the moment class
 * @param label its name
 * @param frames the frames the segment overlaps (relative to the segment's first frame)
 */
record MomentCandidate(long sessionId, double startSeconds, double endSeconds, double score, int classId,
        String label, FrameRange frames) {

    private static final byte VERSION = 1;

    byte[] encode() {
        final byte[] name = label.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + 8 + 8 + 8 + 8 + 4 + 8 + 8 + 4 + name.length).put(VERSION).putLong(sessionId)
                .putDouble(startSeconds).putDouble(endSeconds).putDouble(score).putInt(classId)
                .putLong(frames.first()).putLong(frames.last()).putInt(name.length).put(name).array();
    }

    static MomentCandidate decode(final byte[] bytes) {
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != VERSION) {
            throw new IllegalStateException("moment candidate of unknown encoding version " + bytes[0]);
        }
        final long session = in.getLong();
        final double start = in.getDouble();
        final double end = in.getDouble();
        final double score = in.getDouble();
        final int classId = in.getInt();
        final long first = in.getLong();
        final long last = in.getLong();
        final byte[] name = new byte[in.getInt()];
        in.get(name);
        return new MomentCandidate(session, start, end, score, classId, new String(name, StandardCharsets.UTF_8),
                new FrameRange(first, last));
    }
}
