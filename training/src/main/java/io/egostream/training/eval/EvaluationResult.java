package io.egostream.training.eval;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code egostream eval model} reports.
 *
 * @param modelId the model's id
 * @param split the evaluated split
 * @param scores the metrics per evaluated task, in task order
 * @param perClassAp named per-class AP lists for plots ({@code ar verb}: AP per verb class, {@code mq}: AP
 *     at tIoU 0.5 per moment class), class name to AP
 * @param timelines a few MQ clips with their ground truth and top predictions, for the timeline plot
 */
public record EvaluationResult(String modelId, String split, List<TaskScores> scores,
        Map<String, Map<String, Double>> perClassAp, List<ClipTimeline> timelines) {

    /**
     * The ground truth and the best predictions of one MQ clip.
     *
     * @param clipUid the clip
     * @param durationSeconds its length
     * @param truth ground-truth moments {@code (label, start, end)}
     * @param predicted the highest-scored predictions {@code (label, start, end, score)}
     */
    public record ClipTimeline(String clipUid, double durationSeconds, List<Moment> truth, List<Moment> predicted) {
    }

    /**
     * A moment on a timeline.
     *
     * @param label the class name
     * @param startSeconds start
     * @param endSeconds end
     * @param score its score (1 for ground truth)
     */
    public record Moment(String label, double startSeconds, double endSeconds, double score) {
    }
}
