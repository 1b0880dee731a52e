package io.egostream.training.run;

import java.util.Map;

/**
 * One epoch of a run, for the loss curves.
 *
 * @param epoch the epoch, 1-based
 * @param steps optimiser steps taken so far
 * @param learningRate the learning rate of the epoch's last step (first group)
 * @param trainLoss mean training loss per task over the epoch's steps
 * @param valLoss mean validation loss per task (MQ normalised by its positives), empty when not computed
 * @param seconds wall time of the epoch, s
 */
public record EpochRecord(int epoch, long steps, double learningRate, Map<String, Double> trainLoss,
        Map<String, Double> valLoss, double seconds) {
}
