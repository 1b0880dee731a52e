package io.egostream.training.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.data.PnrClip;
import io.egostream.training.data.PnrSample;
import io.egostream.training.loss.ClassificationLosses;
import io.egostream.training.loss.Distillation;
import io.egostream.training.loss.LossNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * PNR: 16 resampled nodes per clip (random 5-8 s crops in training), one logit per node; loss mean
 * BCE-with-logits against the one-hot of the candidate nearest the PNR.
 */
public final class PnrObjective extends TaskObjective {

    PnrObjective(final Ego4dDataset data, final FeatureGrid grid) {
        super(data, grid);
    }

    @Override
    public Task task() {
        return Task.PNR;
    }

    @Override
    public List<PnrClip> samples() {
        return data().pnr();
    }

    @Override
    public TaskBatch batch(final int[] indices, final RandomGenerator random, final TeacherLogits teacher,
            final NDManager manager) {
        final InputBuilder in = new InputBuilder(grid(), NodeTiming.START);
        final List<PnrSample> samples = new ArrayList<>();
        final float[] targets = new float[PnrClip.NODES * indices.length];
        for (int c = 0; c < indices.length; c++) {
            final PnrSample s = samples().get(indices[c]).sample(random);
            samples.add(s);
            final var v = data().features().load(s.videoUid(), null);
            in.addClip(v.rows(s.rows()), v.dim());
            System.arraycopy(s.labels(), 0, targets, c * PnrClip.NODES, PnrClip.NODES);
        }
        return new TaskBatch(in.build(manager), null, null, targets, samples, null);
    }

    @Override
    public Map<String, NDArray> outputs(final HierEgoPackForward forward, final BackboneOutput backbone,
            final TaskBatch batch, final boolean egoPack) {
        return egoPack ? forward.egoPack(backbone, Task.PNR, null, null).main()
                : Map.of("logits", forward.pnr(backbone));
    }

    @Override
    public LossValue loss(final Map<String, NDArray> outputs, final BackboneOutput backbone, final TaskBatch batch,
            final LossNormalizer normalizer, final Distillation distillation) {
        final NDArray logits = outputs.get("logits").reshape(-1);
        final NDArray target = logits.getManager().create(batch.targets(), new Shape(batch.targets().length));
        final NDArray bce = ClassificationLosses.binaryCrossEntropyWithLogits(logits, target).mean();
        return new LossValue(bce, Map.of("bce", scalar(bce)));
    }
}
