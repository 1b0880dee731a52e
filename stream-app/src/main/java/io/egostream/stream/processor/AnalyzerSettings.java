package io.egostream.stream.processor;

import io.egostream.model.domain.Task;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the camera analyzer needs to know: store and node names, sizes and timeouts (from the configuration).
 *
 * @param frameStoreName name of the frame store
 * @param sessionStoreName name of the session store
 * @param dlqSinkName node name of the dead-letter sink
 * @param sinkNames node name of each task's output sink
 * @param topicNames topic of each task (for metrics)
 * @param featureDim feature dimension D
 * @param framesRetained frames kept per camera ({@code window.frames-retained})
 * @param idleTimeoutMs stream time without a record after which a camera closes
 * @param batchSize new frames that trigger an inference step ({@code model.batch-size})
 * @param batchTimeMs longest wait of a new frame for its step, wall clock ({@code model.batch-time-ms})
 * @param strideSeconds seconds between two frames (1 / {@code window.frames-per-second})
 * @param momentStoreName name of the moment candidate store
 * @param momentNms the NMS that suppresses moment candidates ({@code nms.*})
 * @param nmsWindowSeconds how far a moment candidate may reach back ({@code nms.window-seconds})
 * @param latestEventsStoreName name of the store of every camera's latest event per task
 * @param momentEmission which settled and provisional moments become events ({@code nms.emit-min-score},
 *     {@code nms.provisional-*})
 */
public record AnalyzerSettings(String frameStoreName, String sessionStoreName, String dlqSinkName,
        Map<Task, String> sinkNames, Map<Task, String> topicNames, int featureDim, int framesRetained,
        long idleTimeoutMs, int batchSize, long batchTimeMs, double strideSeconds, String momentStoreName,
        io.egostream.model.nms.NmsConfig momentNms, double nmsWindowSeconds, String latestEventsStoreName,
        MomentEmission momentEmission) {

    /** Copies the maps and checks every task has a sink and a topic. */
    public AnalyzerSettings {
        sinkNames = new EnumMap<>(sinkNames);
        topicNames = new EnumMap<>(topicNames);
        for (final Task task : Task.values()) {
            if (!sinkNames.containsKey(task) || !topicNames.containsKey(task)) {
                throw new IllegalArgumentException("analyzer settings lack the sink or topic of task " + task);
            }
        }
    }

    /**
     * @param task a task
     * @return its sink node name
     */
    public String sinkName(final Task task) {
        return sinkNames.get(task);
    }

    /**
     * @param task a task
     * @return its output topic
     */
    public String topicName(final Task task) {
        return topicNames.get(task);
    }
}
