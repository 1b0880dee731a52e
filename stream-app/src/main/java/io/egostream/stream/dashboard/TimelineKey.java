package io.egostream.stream.dashboard;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.CameraIds;
import io.egostream.model.domain.Task;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Key of one event in the {@code camera-timeline} store: camera id (UTF-8), a 0 byte (never part of a camera id),
 * the task's ordinal, then session, last frame and first frame as big-endian longs and the moment class as a
 * big-endian int. Keys sort by camera, task, session and end frame, so a camera's events are one prefix range and
 * the oldest of a task come first. The provisional and the final event of the same window share a key; moments of
 * different classes over the same frames do not.
 *
 * @param cameraId the camera
 * @param task the task
 * @param sessionId the session
 * @param lastFrame the window's last frame
 * @param firstFrame the window's first frame
 * @param classId the moment's class id for MQ (that of its first label), -1 for every other task
 */
public record TimelineKey(String cameraId, Task task, long sessionId, long lastFrame, long firstFrame, int classId) {

    private static final int TAIL = 1 + 3 * Long.BYTES + Integer.BYTES;

    /** Validates the camera id. */
    public TimelineKey {
        CameraIds.requireValid(cameraId);
    }

    /**
     * The key of an event.
     *
     * @param event the event
     * @return its key
     */
    public static TimelineKey of(final AnalyzerEvent event) {
        final int classId = event.task() == Task.MQ && !event.labels().isEmpty() ? event.labels().get(0).id() : -1;
        return new TimelineKey(event.cameraId(), event.task(), event.sessionId(), event.frames().last(),
                event.frames().first(), classId);
    }

    /**
     * The encoded key.
     *
     * @return the bytes described above
     */
    public Bytes bytes() {
        final byte[] camera = cameraId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(camera.length + 1 + TAIL).put(camera).put((byte) 0)
                .put((byte) task.ordinal()).putLong(sessionId).putLong(lastFrame).putLong(firstFrame).putInt(classId)
                .array());
    }

    /**
     * Reads an encoded key.
     *
     * @param key bytes made by {@link #bytes()}
     * @return the key
     * @throws IllegalArgumentException when the bytes are not such a key
     */
    public static TimelineKey from(final Bytes key) {
        final byte[] b = key.get();
        final int split = b.length - TAIL - 1;
        if (split < 1 || b[split] != 0 || b[split + 1] < 0 || b[split + 1] >= Task.values().length) {
            throw new IllegalArgumentException("not a timeline key: " + b.length + " bytes");
        }
        final ByteBuffer in = ByteBuffer.wrap(b, split + 2, TAIL - 1);
        return new TimelineKey(new String(b, 0, split, StandardCharsets.UTF_8), Task.values()[b[split + 1]],
                in.getLong(), in.getLong(), in.getLong(), in.getInt());
    }

    /**
     * The prefix of every key of a camera.
     *
     * @param cameraId the camera
     * @return camera id bytes and the 0 byte
     */
    public static Bytes cameraPrefix(final String cameraId) {
        final byte[] camera = cameraId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(camera.length + 1).put(camera).put((byte) 0).array());
    }

    /**
     * The prefix of every key of one task of a camera.
     *
     * @param cameraId the camera
     * @param task the task
     * @return camera id bytes, the 0 byte and the task's ordinal
     */
    public static Bytes taskPrefix(final String cameraId, final Task task) {
        final byte[] camera = cameraId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(camera.length + 2).put(camera).put((byte) 0)
                .put((byte) task.ordinal()).array());
    }
}
