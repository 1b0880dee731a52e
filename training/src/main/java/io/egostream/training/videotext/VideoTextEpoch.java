package io.egostream.training.videotext;

/**
 * What one training epoch did.
 *
 * @param epoch the epoch, 1-based
 * @param segmentLoss mean segment-level InfoNCE over the epoch's steps
 * @param windowLoss mean window-level InfoNCE (NaN when the window level is not trained)
 * @param learningRate the learning rate at the end of the epoch
 * @param seconds wall time of the epoch
 * @param validation retrieval on the validation videos after the epoch, or null when not measured
 * @param skippedSteps steps skipped so far in the run because their gradient was not finite
 */
public record VideoTextEpoch(int epoch, double segmentLoss, double windowLoss, double learningRate, double seconds,
        RetrievalReport validation, long skippedSteps) {
}
