package io.egostream.training.run;

import io.egostream.model.domain.Task;

/**
 * The per-task overrides of the Hier-EgoPack recipes (model.md section 4), relative to the defaults
 * (batch 4, learning rate 1e-4, weight decay 1e-5) so that they scale with the configured base values:
 * <pre>
 * task   single-task                 EgoPack
 * OSCC   lr x 0.1                    lr x 0.5
 * PNR    lr x 0.1, batch x 32        lr x 0.1, batch x 32
 * LTA    batch x 16                  batch x 16
 * MQ     weight decay x 100          weight decay x 100
 * </pre>
 * The multi-task stage uses the base values for every task.
 *
 * @param learningRateFactor multiplier of the base learning rate
 * @param weightDecayFactor multiplier of the base weight decay
 * @param batchFactor multiplier of the base batch size
 */
public record TaskRecipe(double learningRateFactor, double weightDecayFactor, int batchFactor) {

    /**
     * @param task the task
     * @param stage the stage
     * @return its overrides
     */
    public static TaskRecipe of(final Task task, final Stage stage) {
        if (stage == Stage.MULTI) {
            return new TaskRecipe(1, 1, 1);
        }
        return switch (task) {
            case OSCC -> new TaskRecipe(stage == Stage.EGOPACK ? 0.5 : 0.1, 1, 1);
            case PNR -> new TaskRecipe(0.1, 1, 32);
            case LTA -> new TaskRecipe(1, 1, 16);
            case MQ -> new TaskRecipe(1, 100, 1);
            case AR -> new TaskRecipe(1, 1, 1);
        };
    }
}
