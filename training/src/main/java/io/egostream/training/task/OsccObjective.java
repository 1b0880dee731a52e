package io.egostream.training.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.Segments;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.data.OsccSample;
import io.egostream.training.loss.ClassificationLosses;
import io.egostream.training.loss.Distillation;
import io.egostream.training.loss.LossNormalizer;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** OSCC: the span of a clip id's windows, one 2-way prediction per window; loss mean CE. */
public final class OsccObjective extends TaskObjective {

    OsccObjective(final Ego4dDataset data, final FeatureGrid grid) {
        super(data, grid);
    }

    @Override
    public Task task() {
        return Task.OSCC;
    }

    @Override
    public List<OsccSample> samples() {
        return data().oscc();
    }

    @Override
    public TaskBatch batch(final int[] indices, final RandomGenerator random, final TeacherLogits teacher,
            final NDManager manager) {
        final List<OsccSample> samples = pick(samples(), indices);
        final InputBuilder in = new InputBuilder(grid(), NodeTiming.CENTRE);
        int m = 0;
        for (final OsccSample s : samples) {
            final var v = data().features().load(s.window().videoUid(), null);
            in.addClip(v.range(s.window().startRow(), s.window().endRow()), v.dim());
            m += s.starts().length;
        }
        final float[] start = new float[m];
        final float[] end = new float[m];
        final long[] clip = new long[m];
        final long[] labels = new long[m];
        int k = 0;
        for (int c = 0; c < samples.size(); c++) {
            final OsccSample s = samples.get(c);
            for (int i = 0; i < s.starts().length; i++) {
                start[k] = s.starts()[i];
                end[k] = s.ends()[i];
                clip[k] = c;
                labels[k++] = s.labels()[i];
            }
        }
        return new TaskBatch(in.build(manager), new Segments(start, end, clip), labels, null, samples, null);
    }

    @Override
    public Map<String, NDArray> outputs(final HierEgoPackForward forward, final BackboneOutput backbone,
            final TaskBatch batch, final boolean egoPack) {
        return egoPack ? forward.egoPack(backbone, Task.OSCC, batch.segments(), null).main()
                : forward.oscc(backbone, batch.segments()).named();
    }

    @Override
    public LossValue loss(final Map<String, NDArray> outputs, final BackboneOutput backbone, final TaskBatch batch,
            final LossNormalizer normalizer, final Distillation distillation) {
        final NDArray ce = ClassificationLosses.crossEntropy(outputs.get("logits"), batch.labels()).mean();
        return new LossValue(ce, Map.of("ce", scalar(ce)));
    }
}
