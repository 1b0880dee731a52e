package io.egostream.model.incremental;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.nn.BackboneLevel;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.ClipInput;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.LtaOutput;
import io.egostream.model.nn.MqContext;
import io.egostream.model.nn.MqOutput;
import io.egostream.model.nn.Segments;
import io.egostream.model.graph.NodeSet;
import io.egostream.model.schedule.NodeWindow;
import io.egostream.model.schedule.NodeTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * What the offline forward ({@link HierEgoPackForward}) computes for a whole camera stream, in the shape of
 * the incremental evaluator's outputs: every node of every level, every window of every windowed head (the
 * head run on the whole-stream level-0 nodes of that window: AR/OSCC as a segment
 * {@code [pos(first), pos(last)]}, PNR on the window's 16 nodes with indices 0..15, LTA on the window's
 * nodes), and MQ on every node with the {@code trailing:W} context rule. This is the oracle the streaming
 * outputs are checked against.
 */
public final class OfflineReference {

    private OfflineReference() {
    }

    /**
     * @param weights the model (without EgoPack)
     * @param settings the streaming settings (windows, MQ W, timing)
     * @param frames the whole stream {@code [T][Din]}, T at least 1
     * @return the expected outputs, as a closed camera's {@link StepOutput} with every node
     */
    public static StepOutput compute(final HierEgoPackWeights weights, final StreamingSettings settings,
            final float[][] frames) {
        final int t = frames.length;
        if (t == 0) {
            throw new IllegalArgumentException("the offline reference needs at least one frame");
        }
        final NodeTiming timing = settings.timing();
        final int din = frames[0].length;
        final float[] flat = new float[t * din];
        final float[] pos = new float[t];
        final long[] clip = new long[t];
        final long[] index = new long[t];
        for (int i = 0; i < t; i++) {
            System.arraycopy(frames[i], 0, flat, i * din, din);
            pos[i] = timing.pos(i);
            index[i] = i;
        }
        final HierEgoPackForward forward = new HierEgoPackForward(weights);
        final List<NodeValue> nodes = new ArrayList<>();
        final List<WindowResult> windows = new ArrayList<>();
        final List<MqResult> moments = new ArrayList<>();
        try (NDManager m = weights.manager().newSubManager()) {
            final ClipInput input = new ClipInput(m.create(flat, new Shape(t, din)), new NodeSet(pos, clip, index));
            final BackboneOutput b = forward.backbone(input);
            final List<float[][]> levelRows = new ArrayList<>();
            for (final BackboneLevel level : b.levels()) {
                final float[][] rows = rows(level.x());
                levelRows.add(rows);
                for (int i = 0; i < rows.length; i++) {
                    nodes.add(new NodeValue(level.depth(), i, level.nodes().pos(i), rows[i]));
                }
            }
            for (final HeadKind head : new HeadKind[] {HeadKind.AR, HeadKind.OSCC, HeadKind.PNR, HeadKind.LTA}) {
                if (weights.config().hasHead(head.task())) {
                    windows.addAll(windowHead(forward, weights, b, head, settings.window(head).all(t), timing, m));
                }
            }
            if (weights.config().hasHead(HeadKind.MQ.task())) {
                final MqOutput out = forward.mq(b, MqContext.trailing(settings.mqContextSeconds()));
                final float[][] cls = rows(out.clsLogits());
                final float[][] reg = rows(out.regPreds());
                int r = 0;
                for (final BackboneLevel level : b.levels()) {
                    for (int i = 0; i < level.nodes().size(); i++, r++) {
                        moments.add(new MqResult(level.depth(), i, level.nodes().pos(i), (float) (1L << level.depth()),
                                cls[r], reg[r][0], reg[r][1]));
                    }
                }
            }
        }
        return new StepOutput("offline", io.egostream.model.domain.EventStatus.FINAL, nodes, windows, moments);
    }

    private static List<WindowResult> windowHead(final HierEgoPackForward forward, final HierEgoPackWeights weights,
            final BackboneOutput b, final HeadKind head, final List<NodeWindow> wins, final NodeTiming timing,
            final NDManager m) {
        final List<WindowResult> out = new ArrayList<>();
        if (wins.isEmpty()) {
            return out;
        }
        if (head == HeadKind.AR || head == HeadKind.OSCC) {
            final int n = wins.size();
            final float[] start = new float[n];
            final float[] end = new float[n];
            for (int k = 0; k < n; k++) {
                start[k] = timing.pos(wins.get(k).first());
                end[k] = timing.pos(wins.get(k).last());
            }
            final Segments seg = new Segments(start, end, new long[n]);
            if (head == HeadKind.AR) {
                final var ar = forward.ar(b, seg);
                final float[][] verb = rows(ar.verbLogits());
                final float[][] noun = rows(ar.nounLogits());
                for (int k = 0; k < n; k++) {
                    out.add(new WindowResult(head, wins.get(k), start[k], end[k], verb[k], noun[k]));
                }
            } else {
                final float[][] logits = rows(forward.oscc(b, seg).logits());
                for (int k = 0; k < n; k++) {
                    out.add(new WindowResult(head, wins.get(k), start[k], end[k], logits[k], null));
                }
            }
            return out;
        }
        final BackboneLevel l0 = b.level0();
        for (final NodeWindow w : wins) {
            final int len = w.size();
            final float[] p = new float[len];
            final long[] idx = new long[len];
            for (int i = 0; i < len; i++) {
                p[i] = timing.pos(w.first() + i);
                idx[i] = i;
            }
            final NDArray rows = l0.x().get(w.first() + ":" + (w.last() + 1));
            final NodeSet ns = new NodeSet(p, new long[len], idx);
            final BackboneOutput wb = new BackboneOutput(List.of(new BackboneLevel(0, rows, ns)), rows, ns);
            if (head == HeadKind.PNR) {
                out.add(new WindowResult(head, w, p[0], p[len - 1], forward.pnr(wb).toFloatArray(), null));
            } else {
                final LtaOutput lta = forward.lta(wb);
                out.add(new WindowResult(head, w, p[0], p[len - 1], lta.verbLogits().toFloatArray(),
                        lta.nounLogits().toFloatArray()));
            }
        }
        return out;
    }

    private static float[][] rows(final NDArray a) {
        final Shape s = a.getShape();
        final int n = (int) s.get(0);
        final int w = (int) (s.size() / Math.max(1, n));
        final float[] flat = a.toFloatArray();
        final float[][] out = new float[n][w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * w, out[i], 0, w);
        }
        return out;
    }
}
