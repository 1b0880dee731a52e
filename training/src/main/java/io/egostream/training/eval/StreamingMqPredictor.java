package io.egostream.training.eval;

import io.egostream.model.domain.Task;
import io.egostream.model.incremental.CameraStep;
import io.egostream.model.incremental.IncrementalEvaluator;
import io.egostream.model.incremental.MqNodeCandidates;
import io.egostream.model.incremental.MqResult;
import io.egostream.model.incremental.NdStepKernels;
import io.egostream.model.incremental.StepOutput;
import io.egostream.model.incremental.StreamState;
import io.egostream.model.incremental.StreamingSettings;
import io.egostream.model.nms.NmsConfig;
import io.egostream.model.nms.WindowedMomentNms;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.schedule.NodeTiming;
import io.egostream.model.schedule.ReceptiveField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The analyzer's moment path run offline on one clip, to measure what the streaming rules cost in MQ mAP
 * (streaming property 7): the clip's frames go through the incremental evaluator in bursts (MQ context
 * {@code trailing:W}); each final MQ node is decoded as the analyzer decodes it ({@link MqNodeCandidates}: the top
 * {@code classesPerNode} classes above the pre-NMS threshold) and the candidates go through the analyzer's windowed
 * NMS ({@link WindowedMomentNms}) with its commit horizon {@code H = newest - L - window}, where {@code L} is the
 * top level's look-ahead; the stream is closed at the clip's end ({@code H = +infinity}). No emission threshold
 * is applied: the settled moments are the ranked list the metric reads.
 */
public final class StreamingMqPredictor implements AutoCloseable {

    private final IncrementalEvaluator evaluator;
    private final WindowedMomentNms nms;
    private final double windowSeconds;
    private final double preNmsThreshold;
    private final double stride;
    private final double lagSeconds;
    private final int burst;
    private final int classesPerNode;

    /**
     * @param model the model (its MQ head runs; the evaluator reads its weights)
     * @param contextSeconds the MQ context window W, seconds
     * @param nms the suppression of the windowed NMS
     * @param windowSeconds the NMS window ({@code nms.window-seconds})
     * @param preNmsThreshold least class probability of a candidate
     * @param burst frames per evaluator step (the analyzer's batches), at least 1
     * @param classesPerNode most classes decoded per MQ node ({@code nms.classes-per-node}), at least 1
     */
    public StreamingMqPredictor(final HierEgoPackModel model, final double contextSeconds, final NmsConfig nms,
            final double windowSeconds, final double preNmsThreshold, final int burst, final int classesPerNode) {
        if (burst < 1 || !(windowSeconds > 0) || classesPerNode < 1) {
            throw new IllegalArgumentException("burst and classesPerNode must be >= 1 and windowSeconds > 0, got "
                    + burst + ", " + classesPerNode + ", " + windowSeconds);
        }
        this.classesPerNode = classesPerNode;
        final HierEgoPackConfig mqOnly = model.config().withHeads(List.of(Task.MQ), null);
        final NodeTiming timing = NodeTiming.ego4d();
        this.evaluator = new IncrementalEvaluator(mqOnly, new NdStepKernels(model.weights()),
                new StreamingSettings(timing, Map.of(), contextSeconds, false, 4));
        this.nms = new WindowedMomentNms(nms);
        this.windowSeconds = windowSeconds;
        this.preNmsThreshold = preNmsThreshold;
        this.stride = timing.secondsPerFrame();
        this.lagSeconds = new ReceptiveField(mqOnly.depth(), evaluator.neighbourOffsets(), List.of(), null)
                .topLevelLookAhead() * stride;
        this.burst = burst;
    }

    /**
     * Streams one clip.
     *
     * @param rows the clip's frames, {@code [T][Din]}
     * @return the settled moments as flat {@code (start, end, score, class)} quadruples, seconds from the clip start
     */
    public float[] predict(final float[][] rows) {
        final StreamState state = evaluator.open("clip");
        final List<WindowedMomentNms.Candidate> pending = new ArrayList<>();
        final List<float[]> settled = new ArrayList<>();
        double horizon = Double.NEGATIVE_INFINITY;
        for (int from = 0; from < rows.length; from += burst) {
            final int to = Math.min(rows.length, from + burst);
            final StepOutput out = evaluator.step(List.of(CameraStep.push(state,
                    Arrays.asList(Arrays.copyOfRange(rows, from, to))))).get(0);
            add(pending, out, to * stride);
            final double next = to * stride - lagSeconds - windowSeconds;
            if (next > horizon) {
                settle(pending, horizon, next, settled);
                horizon = next;
                final double keepAfter = horizon - windowSeconds;
                pending.removeIf(c -> c.endSeconds() < keepAfter);
            }
        }
        add(pending, evaluator.close(List.of(state)).get(0), rows.length * stride);
        settle(pending, horizon, Double.POSITIVE_INFINITY, settled);
        final float[] flat = new float[4 * settled.size()];
        for (int i = 0; i < settled.size(); i++) {
            System.arraycopy(settled.get(i), 0, flat, 4 * i, 4);
        }
        return flat;
    }

    private void add(final List<WindowedMomentNms.Candidate> pending, final StepOutput out, final double streamEnd) {
        for (final MqResult m : out.moments()) {
            pending.addAll(MqNodeCandidates.decode(m, streamEnd, classesPerNode, preNmsThreshold));
        }
    }

    private void settle(final List<WindowedMomentNms.Candidate> pending, final double from, final double to,
            final List<float[]> settled) {
        for (final WindowedMomentNms.Settled s : nms.settle(pending, from, to)) {
            final WindowedMomentNms.Candidate c = pending.get(s.source());
            settled.add(new float[] {(float) c.startSeconds(), (float) c.endSeconds(), (float) s.score(),
                c.classId()});
        }
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
