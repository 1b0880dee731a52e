package io.egostream.training.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.Segments;
import io.egostream.training.data.ArSample;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.loss.ClassificationLosses;
import io.egostream.training.loss.Distillation;
import io.egostream.training.loss.LossNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * AR: whole clips, one prediction per action from its segment; loss {@code mean(CE(verb) + CE(noun))} over
 * the actions (label -1 ignored but counted in the mean, as the reference's {@code loss.mean()}).
 */
public final class ArObjective extends TaskObjective {

    ArObjective(final Ego4dDataset data, final FeatureGrid grid) {
        super(data, grid);
    }

    @Override
    public Task task() {
        return Task.AR;
    }

    @Override
    public List<ArSample> samples() {
        return data().ar();
    }

    @Override
    public TaskBatch batch(final int[] indices, final RandomGenerator random, final TeacherLogits teacher,
            final NDManager manager) {
        final List<ArSample> samples = pick(samples(), indices);
        final InputBuilder in = new InputBuilder(grid(), NodeTiming.CENTRE);
        int m = 0;
        for (final ArSample s : samples) {
            final var v = data().features().load(s.window().videoUid(), null);
            in.addClip(v.range(s.window().startRow(), s.window().endRow()), v.dim());
            m += s.starts().length;
        }
        final float[] start = new float[m];
        final float[] end = new float[m];
        final long[] clip = new long[m];
        final long[] labels = new long[2 * m];
        final List<float[]> tv = new ArrayList<>();
        final List<float[]> tn = new ArrayList<>();
        int k = 0;
        for (int c = 0; c < samples.size(); c++) {
            final ArSample s = samples.get(c);
            for (int i = 0; i < s.starts().length; i++) {
                start[k] = s.starts()[i];
                end[k] = s.ends()[i];
                clip[k] = c;
                labels[k] = s.verbs()[i];
                labels[m + k] = s.nouns()[i];
                if (teacher != null) {
                    final String uid = TeacherLogits.arUid(s.clipUid(), s.actionIdx()[i]);
                    tv.add(teacher.verbs().get(uid));
                    tn.add(teacher.nouns().get(uid));
                }
                k++;
            }
        }
        final float[][][] t = teacher == null ? null
                : new float[][][] {tv.toArray(new float[0][]), tn.toArray(new float[0][])};
        return new TaskBatch(in.build(manager), new Segments(start, end, clip), labels, null, samples, t);
    }

    @Override
    public Map<String, NDArray> outputs(final HierEgoPackForward forward, final BackboneOutput backbone,
            final TaskBatch batch, final boolean egoPack) {
        return egoPack ? forward.egoPack(backbone, Task.AR, batch.segments(), null).main()
                : forward.ar(backbone, batch.segments()).named();
    }

    @Override
    public LossValue loss(final Map<String, NDArray> outputs, final BackboneOutput backbone, final TaskBatch batch,
            final LossNormalizer normalizer, final Distillation distillation) {
        final int m = batch.segments().size();
        final long[] verbs = java.util.Arrays.copyOfRange(batch.labels(), 0, m);
        final long[] nouns = java.util.Arrays.copyOfRange(batch.labels(), m, 2 * m);
        final NDArray verb = ClassificationLosses.crossEntropy(outputs.get("verb_logits"), verbs).mean();
        final NDArray noun = ClassificationLosses.crossEntropy(outputs.get("noun_logits"), nouns).mean();
        NDArray total = verb.add(noun);
        final Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("verb", scalar(verb));
        parts.put("noun", scalar(noun));
        if (distillation != null && batch.teacher() != null) {
            final NDArray kd = distillation.loss(outputs.get("verb_logits"), batch.teacher()[0])
                    .add(distillation.loss(outputs.get("noun_logits"), batch.teacher()[1]));
            total = total.add(kd);
            parts.put("distill", scalar(kd));
        }
        return new LossValue(total, parts);
    }
}
