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
import io.egostream.training.data.MqSample;
import io.egostream.training.loss.Distillation;
import io.egostream.training.loss.LossNormalizer;
import io.egostream.training.loss.MqGroundTruth;
import io.egostream.training.loss.MqLabelAssigner;
import io.egostream.training.loss.MqLoss;
import io.egostream.training.loss.MqTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * MQ: whole moments clips on every backbone level; targets from {@link MqLabelAssigner}, loss
 * {@link MqLoss} (focal + DIoU over the EMA normaliser in training).
 */
public final class MqObjective extends TaskObjective {

    private final MqContext context;
    private final MqLoss loss = new MqLoss();

    MqObjective(final Ego4dDataset data, final FeatureGrid grid, final MqContext context) {
        super(data, grid);
        this.context = context == null ? MqContext.clip() : context;
    }

    @Override
    public Task task() {
        return Task.MQ;
    }

    @Override
    public List<MqSample> samples() {
        return data().mq();
    }

    /** @return the classifier's context rule */
    public MqContext context() {
        return context;
    }

    @Override
    public int levels(final HierEgoPackConfig config) {
        return config.depth();
    }

    @Override
    public TaskBatch batch(final int[] indices, final RandomGenerator random, final TeacherLogits teacher,
            final NDManager manager) {
        final List<MqSample> samples = pick(samples(), indices);
        final InputBuilder in = new InputBuilder(grid(), NodeTiming.CENTRE);
        for (final MqSample s : samples) {
            final var v = data().features().load(s.window().videoUid(), null);
            in.addClip(v.range(s.window().startRow(), s.window().endRow()), v.dim());
        }
        return new TaskBatch(in.build(manager), null, null, null, samples, null);
    }

    @Override
    public Map<String, NDArray> outputs(final HierEgoPackForward forward, final BackboneOutput backbone,
            final TaskBatch batch, final boolean egoPack) {
        return egoPack ? forward.egoPack(backbone, Task.MQ, null, context).main()
                : forward.mq(backbone, context).named();
    }

    /**
     * @param backbone the batch's backbone output
     * @param batch the batch
     * @param classes MQ classes
     * @return the targets of every node of every level
     */
    public static MqTargets targets(final BackboneOutput backbone, final TaskBatch batch, final int classes) {
        final List<MqGroundTruth> truths = new ArrayList<>();
        for (final Object s : batch.samples()) {
            truths.add(((MqSample) s).truth());
        }
        return new MqLabelAssigner(classes).assign(backbone.graphsPos(), backbone.graphsDepth(),
                backbone.graphsVideo(), truths);
    }

    @Override
    public LossValue loss(final Map<String, NDArray> outputs, final BackboneOutput backbone, final TaskBatch batch,
            final LossNormalizer normalizer, final Distillation distillation) {
        final NDArray cls = outputs.get("cls_logits");
        final MqTargets targets = targets(backbone, batch, (int) cls.getShape().get(1));
        final MqLoss.Value v = loss.compute(cls, outputs.get("reg_preds"), targets, normalizer);
        final Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("cls", scalar(v.classification()));
        parts.put("reg", scalar(v.regression()));
        parts.put("positives", (double) v.positives());
        return new LossValue(v.total(), parts);
    }
}
