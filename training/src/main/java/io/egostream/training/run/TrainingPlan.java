package io.egostream.training.run;

import io.egostream.model.domain.Task;
import io.egostream.training.loss.Distillation;
import java.util.List;

/**
 * Everything that determines a training run; two runs with equal plans on the same data produce the same
 * model, and {@code --resume} refuses a checkpoint whose plan differs.
 *
 * @param stage the stage
 * @param tasks the trained tasks (single: one; multi: the support tasks; EgoPack: the novel task)
 * @param size network widths (EgoPack: only the EgoPack widths are used; the rest comes from the initial model)
 * @param epochs epochs, {@code >= 1}
 * @param warmupEpochs epochs of linear warm-up, {@code < epochs} (0 = none)
 * @param batchSize base batch size (4 in the reference)
 * @param learningRate base peak learning rate (1e-4)
 * @param weightDecay base weight decay (1e-5), none on 1-D parameters
 * @param gradClip global gradient-norm clip (1.0), 0 = off
 * @param minLearningRate floor of the cosine (1e-8; 0 for multi-task)
 * @param seed seed of initialisation, shuffling and crops
 * @param stepsPerEpoch cap on optimiser steps per epoch, 0 = a full pass
 * @param taskRecipe whether the per-task overrides of {@link TaskRecipe} apply (else the base values for all)
 * @param mqContext the MQ classifier's context rule, {@code clip} or {@code trailing:W}
 * @param distillation the distillation term for AR and LTA, or null
 * @param teacherFile the teacher logits file (JSON, see {@link io.egostream.training.task.TeacherLogits}), or null
 */
public record TrainingPlan(Stage stage, List<Task> tasks, ModelSize size, int epochs, int warmupEpochs,
        int batchSize, double learningRate, double weightDecay, double gradClip, double minLearningRate, long seed,
        int stepsPerEpoch, boolean taskRecipe, String mqContext, Distillation distillation, String teacherFile) {

    /** Validates the combination. */
    public TrainingPlan {
        if (stage == null || tasks == null || tasks.isEmpty() || size == null) {
            throw new IllegalArgumentException("a training plan needs a stage, at least one task and a model size");
        }
        tasks = List.copyOf(tasks);
        if (tasks.stream().distinct().count() != tasks.size()) {
            throw new IllegalArgumentException("--task must not repeat a task, got " + tasks);
        }
        if (stage != Stage.MULTI && tasks.size() != 1) {
            throw new IllegalArgumentException(stage.id() + " training takes exactly one --task, got " + tasks);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (warmupEpochs < 0 || warmupEpochs >= epochs) {
            throw new IllegalArgumentException("warm-up epochs must be in [0, epochs - 1] = [0, " + (epochs - 1)
                    + "], got " + warmupEpochs);
        }
        if (batchSize < 1 || !(learningRate > 0) || !(weightDecay >= 0) || !(gradClip >= 0)
                || !(minLearningRate >= 0) || stepsPerEpoch < 0) {
            throw new IllegalArgumentException("batch size >= 1, learning rate > 0, weight decay, clip, minimum"
                    + " learning rate and steps per epoch >= 0 required");
        }
        if ((distillation == null) != (teacherFile == null)) {
            throw new IllegalArgumentException("distillation needs both its settings and a teacher file");
        }
        if (distillation != null && tasks.stream().noneMatch(t -> t == Task.AR || t == Task.LTA)) {
            throw new IllegalArgumentException("distillation applies to AR and LTA; the run trains " + tasks);
        }
    }

    /**
     * @param task a trained task
     * @return its learning rate
     */
    public double learningRateOf(final Task task) {
        return taskRecipe ? learningRate * TaskRecipe.of(task, stage).learningRateFactor() : learningRate;
    }

    /**
     * @param task a trained task
     * @return its weight decay
     */
    public double weightDecayOf(final Task task) {
        return taskRecipe ? weightDecay * TaskRecipe.of(task, stage).weightDecayFactor() : weightDecay;
    }

    /**
     * @param task a trained task
     * @param sizes samples per trained task (multi-task batch scaling)
     * @return its batch size: base times the recipe factor; multi-task: base times
     *     {@code samples(task) // min(samples)}, as the reference's multi-task loaders
     */
    public int batchSizeOf(final Task task, final java.util.Map<Task, Integer> sizes) {
        if (stage == Stage.MULTI) {
            final int min = sizes.values().stream().mapToInt(Integer::intValue).min().orElse(1);
            return batchSize * Math.max(1, sizes.get(task) / Math.max(1, min));
        }
        return taskRecipe ? batchSize * TaskRecipe.of(task, stage).batchFactor() : batchSize;
    }
}
