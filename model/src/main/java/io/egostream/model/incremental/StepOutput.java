package io.egostream.model.incremental;

import io.egostream.model.domain.EventStatus;
import java.util.List;

/**
 * What one camera produced in one call: the backbone nodes that became final (only when the settings ask
 * for them), the windowed head outputs and the MQ outputs. With status {@link EventStatus#FINAL} every
 * value equals the offline forward of the whole stream and is produced exactly once; with
 * {@link EventStatus#PROVISIONAL} the values are those of the offline forward of the stream so far (as if
 * it ended now) for everything not yet final.
 *
 * @param camera the camera id
 * @param status final or provisional
 * @param nodes backbone nodes, by level then index
 * @param windows windowed head outputs, by head then window
 * @param moments MQ outputs, by slot then level
 */
public record StepOutput(String camera, EventStatus status, List<NodeValue> nodes, List<WindowResult> windows,
        List<MqResult> moments) {

    /** Copies the lists. */
    public StepOutput {
        nodes = List.copyOf(nodes);
        windows = List.copyOf(windows);
        moments = List.copyOf(moments);
    }

    /** @return whether nothing was produced */
    public boolean isEmpty() {
        return nodes.isEmpty() && windows.isEmpty() && moments.isEmpty();
    }
}
