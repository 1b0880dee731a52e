package io.egostream.stream.topology;

import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.domain.Task;
import io.egostream.stream.inference.AnalyzerInference;
import io.egostream.stream.inference.CameraSession;
import io.egostream.stream.inference.CameraWork;
import io.egostream.stream.inference.TaskResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake model port for topology tests: records every step and answers each camera's new frames with one AR
 * result spanning them, labelled with the sum of the first feature over those frames (read through the history),
 * and one OSCC result and three moment candidates per closed session; with {@link #provisionalMoments}, an open
 * camera's step also gives two provisional moment candidates over its new frames (class 5 scoring 0.6, class 6
 * scoring 0.2).
 */
final class RecordingInference implements AnalyzerInference {

    final List<List<CameraWork>> steps = new ArrayList<>();
    final List<float[][]> seen = new ArrayList<>();
    final List<CameraSession> released = new ArrayList<>();
    /** Whether each open camera's step also gives a provisional moment candidate over its newest frames. */
    boolean provisionalMoments;

    private static TaskResult moment(final CameraWork w, final double start, final double end, final double score,
            final int id) {
        return new TaskResult(w.session(), Task.MQ, EventStatus.FINAL, new FrameRange(0, 0), start, end,
                List.of(new LabelScore("moment", "m" + id, id, score)), List.of(), -1, 0);
    }

    @Override
    public ModelRef model() {
        return new ModelRef("fake", "1");
    }

    @Override
    public List<TaskResult> step(final List<CameraWork> work) {
        steps.add(List.copyOf(work));
        final List<TaskResult> out = new ArrayList<>();
        for (final CameraWork w : work) {
            if (w.firstNew() <= w.last()) {
                final float[][] f = w.history().features(w.firstNew(), w.last());
                seen.add(f);
                float sum = 0;
                for (final float[] row : f) {
                    sum += row[0];
                }
                out.add(new TaskResult(w.session(), Task.AR, EventStatus.FINAL, new FrameRange(w.firstNew(), w.last()),
                        w.firstNew() / 1.875, (w.last() + 1) / 1.875,
                        List.of(new LabelScore("verb", "sum_" + (int) sum, 0, 0.5)), List.of(), -1, 0));
                if (provisionalMoments && !w.closed()) {
                    out.add(new TaskResult(w.session(), Task.MQ, EventStatus.PROVISIONAL,
                            new FrameRange(w.firstNew(), w.last()), w.firstNew() / 1.875, (w.last() + 1) / 1.875,
                            List.of(new LabelScore("moment", "m5", 5, 0.6)), List.of(), -1, 0));
                    out.add(new TaskResult(w.session(), Task.MQ, EventStatus.PROVISIONAL,
                            new FrameRange(w.firstNew(), w.last()), w.firstNew() / 1.875, (w.last() + 1) / 1.875,
                            List.of(new LabelScore("moment", "m6", 6, 0.2)), List.of(), -1, 0));
                }
            }
            if (w.closed()) {
                // Two overlapping moment candidates of one class and one apart: soft-NMS keeps all three, decayed.
                out.add(moment(w, 0.0, 1.0, 0.9, 3));
                out.add(moment(w, 0.1, 1.0, 0.8, 3));
                out.add(moment(w, 0.0, 0.5, 0.7, 4));
                out.add(new TaskResult(w.session(), Task.OSCC, EventStatus.FINAL, new FrameRange(0, w.last()), 0,
                        (w.last() + 1) / 1.875, List.of(new LabelScore("state_change", "yes", 1, 0.9)), List.of(),
                        -1, 0));
            }
        }
        return out;
    }

    @Override
    public double momentLagSeconds() {
        return 0;
    }

    @Override
    public void release(final CameraSession session) {
        released.add(session);
    }

    @Override
    public void close() {}
}
