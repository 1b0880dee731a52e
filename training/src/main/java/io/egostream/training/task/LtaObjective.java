package io.egostream.training.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.data.LtaSample;
import io.egostream.training.loss.ClassificationLosses;
import io.egostream.training.loss.Distillation;
import io.egostream.training.loss.LossNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * LTA: the two observed actions' features, Z = 20 future verb and noun predictions per sample (rows
 * clip-major); loss mean over the {@code B Z} steps of {@code CE(verb) + CE(noun)}.
 */
public final class LtaObjective extends TaskObjective {

    LtaObjective(final Ego4dDataset data, final FeatureGrid grid) {
        super(data, grid);
    }

    @Override
    public Task task() {
        return Task.LTA;
    }

    @Override
    public List<LtaSample> samples() {
        return data().lta();
    }

    @Override
    public TaskBatch batch(final int[] indices, final RandomGenerator random, final TeacherLogits teacher,
            final NDManager manager) {
        final List<LtaSample> samples = pick(samples(), indices);
        final InputBuilder in = new InputBuilder(grid(), NodeTiming.CENTRE_ROUNDED);
        final int z = samples.isEmpty() ? 0 : samples.get(0).verbs().length;
        final long[] labels = new long[2 * z * samples.size()];
        final float[][][] t = teacher == null ? null : new float[2][z * samples.size()][];
        for (int c = 0; c < samples.size(); c++) {
            final LtaSample s = samples.get(c);
            final var v = data().features().load(s.window().videoUid(), null);
            in.addClip(v.range(s.window().startRow(), s.window().endRow()), v.dim());
            for (int k = 0; k < z; k++) {
                labels[c * z + k] = s.verbs()[k];
                labels[z * samples.size() + c * z + k] = s.nouns()[k];
                if (t != null) {
                    final String uid = TeacherLogits.ltaUid(s.clipUid(), s.lastIdx(), k + 1);
                    t[0][c * z + k] = teacher.verbs().get(uid);
                    t[1][c * z + k] = teacher.nouns().get(uid);
                }
            }
        }
        return new TaskBatch(in.build(manager), null, labels, null, samples, t);
    }

    @Override
    public Map<String, NDArray> outputs(final HierEgoPackForward forward, final BackboneOutput backbone,
            final TaskBatch batch, final boolean egoPack) {
        return egoPack ? forward.egoPack(backbone, Task.LTA, null, null).main() : forward.lta(backbone).named();
    }

    @Override
    public LossValue loss(final Map<String, NDArray> outputs, final BackboneOutput backbone, final TaskBatch batch,
            final LossNormalizer normalizer, final Distillation distillation) {
        final int rows = batch.labels().length / 2;
        final NDArray verbLogits = outputs.get("verb_logits");
        final NDArray nounLogits = outputs.get("noun_logits");
        if (verbLogits.getShape().get(0) != rows) {
            throw new IllegalArgumentException("LTA head gave " + verbLogits.getShape().get(0) + " rows for "
                    + rows + " future steps; the model's lta_steps must equal the data's Z");
        }
        final NDArray verb = ClassificationLosses.crossEntropy(verbLogits,
                java.util.Arrays.copyOfRange(batch.labels(), 0, rows)).mean();
        final NDArray noun = ClassificationLosses.crossEntropy(nounLogits,
                java.util.Arrays.copyOfRange(batch.labels(), rows, 2 * rows)).mean();
        NDArray total = verb.add(noun);
        final Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("verb", scalar(verb));
        parts.put("noun", scalar(noun));
        if (distillation != null && batch.teacher() != null) {
            final NDArray kd = distillation.loss(verbLogits, batch.teacher()[0])
                    .add(distillation.loss(nounLogits, batch.teacher()[1]));
            total = total.add(kd);
            parts.put("distill", scalar(kd));
        }
        return new LossValue(total, parts);
    }
}
