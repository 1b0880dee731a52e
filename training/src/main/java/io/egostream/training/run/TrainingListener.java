package io.egostream.training.run;

import java.util.Map;

/** Progress of a run (the CLI draws progress bars from it). */
public interface TrainingListener {

    /**
     * @param totalSteps optimiser steps of the whole run
     * @param doneSteps steps already done (resume)
     */
    default void started(final long totalSteps, final long doneSteps) {
    }

    /**
     * @param epoch the epoch, 1-based
     * @param step the global step just done, 1-based
     * @param losses this step's loss per task
     */
    default void stepDone(final int epoch, final long step, final Map<String, Double> losses) {
    }

    /**
     * @param record the finished epoch
     */
    default void epochDone(final EpochRecord record) {
    }

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };
}
