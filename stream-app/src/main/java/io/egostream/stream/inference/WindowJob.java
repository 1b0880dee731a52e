package io.egostream.stream.inference;

import io.egostream.model.domain.Task;
import io.egostream.model.schedule.NodeWindow;
import java.util.Set;

/**
 * One window of one camera session to run as a clip, and the task heads that read it (AR and OSCC windows of the
 * same frames share one clip).
 *
 * @param session the camera session
 * @param tasks the task heads to read from this clip
 * @param window the frames of the window
 * @param features the window's feature vectors, {@code [window.size()][D]}
 */
record WindowJob(CameraSession session, Set<Task> tasks, NodeWindow window, float[][] features) {
}
