package io.egostream.training.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.MqContext;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.loss.Distillation;
import io.egostream.training.loss.LossNormalizer;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A task's training and evaluation objective over one split's samples: batches, the outputs the task
 * reads, and its loss. Subclasses: {@link ArObjective}, {@link OsccObjective}, {@link PnrObjective},
 * {@link LtaObjective}, {@link MqObjective}.
 */
public abstract class TaskObjective {

    private final Ego4dDataset data;
    private final FeatureGrid grid;

    /**
     * @param data the split
     * @param grid its feature grid
     */
    protected TaskObjective(final Ego4dDataset data, final FeatureGrid grid) {
        this.data = data;
        this.grid = grid;
    }

    /**
     * @param task a task
     * @param data the split
     * @param grid its feature grid
     * @param mqContext the MQ classifier's context rule (MQ only)
     * @return the task's objective
     */
    public static TaskObjective of(final Task task, final Ego4dDataset data, final FeatureGrid grid,
            final MqContext mqContext) {
        return switch (task) {
            case AR -> new ArObjective(data, grid);
            case OSCC -> new OsccObjective(data, grid);
            case PNR -> new PnrObjective(data, grid);
            case LTA -> new LtaObjective(data, grid);
            case MQ -> new MqObjective(data, grid, mqContext);
        };
    }

    /** @return the task */
    public abstract Task task();

    /** @return the split's samples of this task */
    public abstract List<?> samples();

    /** @return the number of samples */
    public int size() {
        return samples().size();
    }

    /** @return the split */
    public Ego4dDataset data() {
        return data;
    }

    /** @return the feature grid */
    public FeatureGrid grid() {
        return grid;
    }

    /**
     * @param config the model configuration
     * @return backbone levels the task reads (MQ: all; the others: level 0 only)
     */
    public int levels(final HierEgoPackConfig config) {
        return 1;
    }

    /**
     * @param indices sample indices, in batch order
     * @param random training randomness (PNR crops), or null in evaluation
     * @param teacher distillation teacher, or null
     * @param manager where the batch's arrays live
     * @return the batch
     */
    public abstract TaskBatch batch(int[] indices, RandomGenerator random, TeacherLogits teacher, NDManager manager);

    /**
     * @param forward the model
     * @param backbone the backbone output of the batch
     * @param batch the batch
     * @param egoPack whether to run the EgoPack main head (the task as the novel task) instead of its own head
     * @return the outputs by reference name ({@code verb_logits}, {@code logits}, {@code cls_logits}, ...)
     */
    public abstract Map<String, NDArray> outputs(HierEgoPackForward forward, BackboneOutput backbone, TaskBatch batch,
            boolean egoPack);

    /**
     * @param outputs the outputs of {@link #outputs}
     * @param backbone the backbone output (MQ reads the node timestamps and levels)
     * @param batch the batch
     * @param normalizer the MQ training normaliser (updated), or null in evaluation
     * @param distillation the distillation term (AR, LTA), or null
     * @return the loss
     */
    public abstract LossValue loss(Map<String, NDArray> outputs, BackboneOutput backbone, TaskBatch batch,
            LossNormalizer normalizer, Distillation distillation);

    /**
     * @param indices sample indices
     * @return the samples
     */
    protected <T> List<T> pick(final List<T> all, final int[] indices) {
        final java.util.ArrayList<T> out = new java.util.ArrayList<>(indices.length);
        for (final int i : indices) {
            out.add(all.get(i));
        }
        return out;
    }

    /**
     * @param values a scalar array
     * @return its value
     */
    protected static double scalar(final NDArray values) {
        return values.getFloat();
    }
}
