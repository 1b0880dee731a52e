package io.egostream.model.incremental;

import io.egostream.model.domain.Task;
import io.egostream.model.nn.WeightModule;

/** The task heads the incremental evaluator runs, with their weight files. */
public enum HeadKind {
    /** Action recognition: verb and noun of a window (segment mean of projections). */
    AR(Task.AR),
    /** Object state change: change / no change of a window (segment mean of projections). */
    OSCC(Task.OSCC),
    /** Point of no return: one logit per node of a 16-node window. */
    PNR(Task.PNR),
    /** Long-term anticipation: the next K verbs and nouns after a window (max-pooled projections). */
    LTA(Task.LTA),
    /** Moment queries: class logits and offsets per node of every level. */
    MQ(Task.MQ);

    private final Task task;

    HeadKind(final Task task) {
        this.task = task;
    }

    /** @return the task */
    public Task task() {
        return task;
    }

    /** @return the weight file of the head */
    public WeightModule module() {
        return WeightModule.headOf(task);
    }
}
