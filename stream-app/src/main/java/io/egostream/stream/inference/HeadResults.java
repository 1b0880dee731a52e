package io.egostream.stream.inference;

import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.FutureAction;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.MqCandidates;
import io.egostream.model.nn.Vocabularies;
import io.egostream.model.schedule.NodeTiming;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns the heads' raw outputs (float arrays) for the clips of a batch into task results. */
final class HeadResults {

    private HeadResults() {}

    /** AR: top verbs and nouns of each window (one segment per clip, rows in the order of {@code clips}). */
    static List<TaskResult> ar(final ClipBatch batch, final List<Integer> clips, final float[] verbLogits,
            final float[] nounLogits, final Vocabularies vocab, final NodeTiming timing) {
        final int verbs = vocab.verbs().size();
        final int nouns = vocab.nouns().size();
        final List<TaskResult> out = new ArrayList<>();
        for (int s = 0; s < clips.size(); s++) {
            final List<LabelScore> labels = new ArrayList<>(Scores.top(Scores.softmaxRow(verbLogits, s, verbs),
                    WindowedModelInference.TOP_K, "verb", vocab.verbs()));
            labels.addAll(Scores.top(Scores.softmaxRow(nounLogits, s, nouns), WindowedModelInference.TOP_K, "noun",
                    vocab.nouns()));
            out.add(WindowedModelInference.windowResult(batch.jobs().get(clips.get(s)), Task.AR, labels, List.of(), -1, 0,
                    timing.secondsPerFrame()));
        }
        return out;
    }

    /** OSCC: {@code yes} (id 1) or {@code no} (id 0), whichever is more probable, with its probability. */
    static List<TaskResult> oscc(final ClipBatch batch, final List<Integer> clips, final float[] logits,
            final NodeTiming timing) {
        final List<TaskResult> out = new ArrayList<>();
        for (int s = 0; s < clips.size(); s++) {
            final double[] p = Scores.softmaxRow(logits, s, 2);
            final int id = p[1] >= p[0] ? 1 : 0;
            final LabelScore label = new LabelScore("state_change", id == 1 ? "yes" : "no", id, Scores.clamp(p[id]));
            out.add(WindowedModelInference.windowResult(batch.jobs().get(clips.get(s)), Task.OSCC, List.of(label), List.of(),
                    -1, 0, timing.secondsPerFrame()));
        }
        return out;
    }

    /** PNR: softmax of the per-node logits over each window's nodes; the keyframe is the most probable node. */
    static List<TaskResult> pnr(final ClipBatch batch, final List<Integer> clips, final float[] nodeLogits,
            final NodeTiming timing) {
        final List<TaskResult> out = new ArrayList<>();
        for (final int c : clips) {
            final int start = batch.clipStart(c);
            final int n = batch.clipSize(c);
            final float[] row = new float[n];
            System.arraycopy(nodeLogits, start, row, 0, n);
            final double[] p = Scores.softmaxRow(row, 0, n);
            int best = 0;
            for (int i = 1; i < n; i++) {
                best = p[i] > p[best] ? i : best;
            }
            final WindowJob job = batch.jobs().get(c);
            out.add(WindowedModelInference.windowResult(job, Task.PNR, List.of(), List.of(), job.window().first() + best,
                    Scores.clamp(p[best]), timing.secondsPerFrame()));
        }
        return out;
    }

    /** LTA: per future step, the most probable verb and noun (rows {@code clip * steps + k}). */
    static List<TaskResult> lta(final ClipBatch batch, final List<Integer> clips, final float[] verbLogits,
            final float[] nounLogits, final int steps, final Vocabularies vocab, final NodeTiming timing) {
        final int verbs = vocab.verbs().size();
        final int nouns = vocab.nouns().size();
        final List<TaskResult> out = new ArrayList<>();
        for (final int c : clips) {
            final List<FutureAction> future = new ArrayList<>();
            for (int k = 0; k < steps; k++) {
                final int row = c * steps + k;
                final LabelScore verb = Scores.top(Scores.softmaxRow(verbLogits, row, verbs), 1, "verb",
                        vocab.verbs()).get(0);
                final LabelScore noun = Scores.top(Scores.softmaxRow(nounLogits, row, nouns), 1, "noun",
                        vocab.nouns()).get(0);
                future.add(new FutureAction(k + 1, verb, noun));
            }
            out.add(WindowedModelInference.windowResult(batch.jobs().get(c), Task.LTA, List.of(), future, -1, 0,
                    timing.secondsPerFrame()));
        }
        return out;
    }

    /**
     * MQ: the best decoded moments of one window, clipped to the window, in session seconds; each covers the
     * frames it overlaps.
     */
    static List<TaskResult> mq(final WindowJob job, final MqCandidates candidates, final int limit,
            final Vocabularies vocab, final NodeTiming timing) {
        final List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -candidates.score()[i]).thenComparing(i -> i));
        final double stride = timing.secondsPerFrame();
        final double windowStart = job.window().first() * stride;
        final double windowLength = job.window().size() * stride;
        final List<TaskResult> out = new ArrayList<>();
        for (final int i : order.subList(0, Math.min(limit, order.size()))) {
            final double start = windowStart + Math.max(0.0, Math.min(windowLength, candidates.start()[i]));
            final double end = windowStart + Math.max(0.0, Math.min(windowLength, candidates.end()[i]));
            if (!(end > start)) {
                continue;
            }
            final long first = Math.min(job.window().last(), (long) Math.floor(start / stride + 1e-9));
            final long last = Math.max(first, Math.min(job.window().last(), (long) Math.ceil(end / stride - 1e-9) - 1));
            final int label = (int) candidates.label()[i];
            out.add(new TaskResult(job.session(), Task.MQ, EventStatus.FINAL, new FrameRange(first, last), start,
                    end, List.of(new LabelScore("moment", vocab.mqClasses().get(label), label,
                            Scores.clamp(candidates.score()[i]))), List.of(), -1, 0));
        }
        return out;
    }
}
