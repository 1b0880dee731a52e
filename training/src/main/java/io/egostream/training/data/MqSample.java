package io.egostream.training.data;

import io.egostream.training.loss.MqGroundTruth;

/**
 * An MQ sample: one moments clip and its moments in seconds from the clip (reference grid).
 *
 * @param clipUid the clip
 * @param window the clip's feature rows
 * @param truth the moments
 * @param durationSeconds the clip's feature span, {@code nodes * stride / fps}
 */
public record MqSample(String clipUid, ClipWindow window, MqGroundTruth truth, float durationSeconds) {
}
