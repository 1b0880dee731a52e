package io.egostream.training.videotext;

/** Hears about training progress (the CLI shows a progress bar). Every method has an empty default. */
public interface VideoTextTrainingListener {

    /**
     * Training starts.
     *
     * @param totalSteps optimiser steps in the whole run
     */
    default void started(final long totalSteps) {
    }

    /**
     * One optimiser step is done.
     *
     * @param step steps done so far
     * @param segmentLoss this step's segment loss
     * @param windowLoss this step's window loss, NaN when not trained
     */
    default void stepDone(final long step, final double segmentLoss, final double windowLoss) {
    }

    /**
     * One epoch is done.
     *
     * @param epoch what it did
     */
    default void epochDone(final VideoTextEpoch epoch) {
    }
}
