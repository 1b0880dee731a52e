package io.egostream.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.egostream.model.domain.Task;
import io.egostream.model.graph.NodeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of the offline forward on inputs the golden set does not cover: clips of 1 to several hundred
 * nodes, batches of clips (a batch equals its clips run alone), batched PNR windows, EgoPack with every main
 * task, the all-zero EgoPack row, and gradients reaching every trainable parameter.
 */
class ForwardPropertiesTest {

    private static NDManager manager;
    private static HierEgoPackWeights weights;
    private static HierEgoPackForward forward;

    @BeforeAll
    static void load() throws Exception {
        manager = NDManager.newBaseManager();
        weights = HierEgoPackWeights.fromNpy(HierEgoPackConfig.small(), manager,
                HierEgoPackWeightsTest.referenceSmallWeights());
        forward = new HierEgoPackForward(weights);
    }

    @AfterAll
    static void close() {
        weights.close();
        manager.close();
    }

    /** Clips of the given lengths, AR-style positions, random features (seeded). */
    static ClipInput clips(final NDManager m, final long seed, final boolean pnrPositions, final int... lengths) {
        final Random r = new Random(seed);
        int n = 0;
        for (final int l : lengths) {
            n += l;
        }
        final float[] x = new float[n * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        final float[] pos = new float[n];
        final long[] idx = new long[n];
        final long[] batch = new long[n];
        int k = 0;
        for (int c = 0; c < lengths.length; c++) {
            for (int i = 0; i < lengths[c]; i++) {
                pos[k] = pnrPositions ? i * 16f / 30f : (0.5f + i) * 16f / 30f;
                idx[k] = i;
                batch[k] = c;
                k++;
            }
        }
        return new ClipInput(m.create(x, new Shape(n, 32)), new NodeSet(pos, batch, idx));
    }

    private static ClipInput alone(final NDManager m, final ClipInput batch, final int clip) {
        final NodeSet nodes = batch.nodes();
        final int s = nodes.clipStart(clip);
        final int e = nodes.clipEnd(clip);
        final float[] pos = new float[e - s];
        final long[] idx = new long[e - s];
        for (int i = s; i < e; i++) {
            pos[i - s] = nodes.pos(i);
            idx[i - s] = nodes.index(i);
        }
        final NDArray x = batch.x().get(s + ":" + e);
        x.attach(m);
        return new ClipInput(x, new NodeSet(pos, new long[e - s], idx));
    }

    private static void assertClose(final float[] expected, final float[] actual, final String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= 1e-5 + 1e-4 * Math.abs(expected[i]),
                    what + "[" + i + "]: " + actual[i] + " != " + expected[i]);
        }
    }

    private static float[] rows(final NDArray a, final int from, final int to) {
        return a.get(from + ":" + to).toFloatArray();
    }

    @Test
    void aBatchOfClipsEqualsEachClipAlone() {
        final int[] lengths = {1, 7, 40, 2};
        try (NDManager m = manager.newSubManager()) {
            final ClipInput batch = clips(m, 11, false, lengths);
            final BackboneOutput b = forward.backbone(batch);
            final Segments seg = new Segments(new float[] {0f, 0.5f, 3f, 0f}, new float[] {1f, 2f, 9f, 1.2f},
                    new long[] {0, 1, 2, 3});
            final ArOutput ar = forward.ar(b, seg);
            final OsccOutput oscc = forward.oscc(b, seg);
            final NDArray pnr = forward.pnr(b);
            final LtaOutput lta = forward.lta(b);
            final MqOutput mq = forward.mq(b, MqContext.clip());
            final MqOutput mqTrailing = forward.mq(b, MqContext.trailing(5));
            int level0Offset = 0;
            for (int c = 0; c < lengths.length; c++) {
                final BackboneOutput one = forward.backbone(alone(m, batch, c));
                for (int d = 0; d < b.levels().size(); d++) {
                    final NodeSet nodes = b.levels().get(d).nodes();
                    assertClose(one.levels().get(d).x().toFloatArray(),
                            rows(b.levels().get(d).x(), nodes.clipStart(c), nodes.clipEnd(c)), "clip " + c + " level " + d);
                }
                final Segments own = new Segments(new float[] {seg.start()[c]}, new float[] {seg.end()[c]}, new long[1]);
                assertClose(forward.ar(one, own).verbLogits().toFloatArray(), rows(ar.verbLogits(), c, c + 1), "ar " + c);
                assertClose(forward.oscc(one, own).logits().toFloatArray(), rows(oscc.logits(), c, c + 1), "oscc " + c);
                assertClose(forward.pnr(one).toFloatArray(), rows(pnr, level0Offset, level0Offset + lengths[c]), "pnr " + c);
                assertClose(forward.lta(one).nounLogits().toFloatArray(), rows(lta.nounLogits(), 20 * c, 20 * c + 20),
                        "lta " + c);
                final float[] mqAlone = forward.mq(one, MqContext.clip()).clsLogits().toFloatArray();
                final float[] mqTrailingAlone = forward.mq(one, MqContext.trailing(5)).regPreds().toFloatArray();
                final List<Float> fromBatch = new ArrayList<>();
                final List<Float> fromBatchTrailing = new ArrayList<>();
                final long[] video = b.graphsVideo();
                final float[] cls = mq.clsLogits().toFloatArray();
                final float[] reg = mqTrailing.regPreds().toFloatArray();
                for (int i = 0; i < video.length; i++) {
                    if (video[i] == c) {
                        for (int k = 0; k < 5; k++) {
                            fromBatch.add(cls[5 * i + k]);
                        }
                        fromBatchTrailing.add(reg[2 * i]);
                        fromBatchTrailing.add(reg[2 * i + 1]);
                    }
                }
                assertClose(mqAlone, toArray(fromBatch), "mq " + c);
                assertClose(mqTrailingAlone, toArray(fromBatchTrailing), "mq trailing " + c);
                level0Offset += lengths[c];
            }
        }
    }

    private static float[] toArray(final List<Float> l) {
        final float[] a = new float[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    @Test
    void levelsHalveDownToOneNodeAndLongClipsKeepTheirShapes() {
        try (NDManager m = manager.newSubManager()) {
            final BackboneOutput b = forward.backbone(clips(m, 3, false, 300, 1));
            assertEquals(List.of(301, 151, 76), b.levels().stream().map(l -> l.nodes().size()).toList());
            assertEquals(new Shape(39, 48), b.finalPooled().getShape());
            assertEquals(new Shape(40, 7), forward.lta(b).verbLogits().getShape());
            final MqOutput mq = forward.mq(b, MqContext.clip());
            assertEquals(new Shape(528, 5), mq.clsLogits().getShape());
            assertTrue(MqDecoder.decode(mq, b, 1, MqDecodeSettings.reference()).size() > 0);
        }
    }

    @Test
    void batchedPnrWindowsWithEgoPackEqualEachWindowAlone() {
        try (NDManager m = manager.newSubManager()) {
            final ClipInput batch = clips(m, 5, true, 16, 16, 16);
            final EgoPackOutput all = forward.egoPack(forward.backbone(batch, 1), Task.PNR, null, null);
            for (int c = 0; c < 3; c++) {
                final EgoPackOutput one = forward.egoPack(forward.backbone(alone(m, batch, c), 1), Task.PNR, null, null);
                assertClose(one.main().get("logits").toFloatArray(), rows(all.main().get("logits"), 16 * c, 16 * c + 16),
                        "pnr window " + c);
            }
        }
    }

    @Test
    void egoPackRunsWithEveryMainTaskAndAnEmptyArSegmentMatchesNothing() {
        try (NDManager m = manager.newSubManager()) {
            final BackboneOutput b = forward.backbone(clips(m, 9, false, 12, 5));
            final Segments seg = new Segments(new float[] {0f, 100f, 0f}, new float[] {3f, 101f, 2f}, new long[] {0, 0, 1});
            final EgoPackOutput ar = forward.egoPack(b, Task.AR, seg, null);
            assertArrayEquals(new long[] {3, 7}, ar.main().get("verb_logits").getShape().getShape());
            assertEquals(-1, ar.nearest().get(Task.MQ).get(0)[1]);
            assertTrue(ar.nearest().get(Task.MQ).get(0)[0] >= 0);
            for (final float v : ar.main().get("verb_logits").toFloatArray()) {
                assertTrue(Float.isFinite(v));
            }
            final Segments osccSeg = new Segments(new float[] {0f, 0f}, new float[] {3f, 2f}, new long[] {0, 1});
            assertArrayEquals(new long[] {2, 2}, forward.egoPack(b, Task.OSCC, osccSeg, null).main().get("logits")
                    .getShape().getShape());
            final EgoPackOutput mq = forward.egoPack(b, Task.MQ, null, MqContext.clip());
            assertArrayEquals(new long[] {b.graphsSize(), 5}, mq.main().get("cls_logits").getShape().getShape());
            assertArrayEquals(new long[] {b.graphsSize(), 48}, mq.auxIn().get(Task.PNR).getShape().getShape());
            final EgoPackOutput lta = forward.egoPack(b, Task.LTA, null, null);
            assertArrayEquals(new long[] {40, 11}, lta.main().get("noun_logits").getShape().getShape());
        }
    }

    @Test
    void trainingDropoutChangesTheBackboneAndInferenceIsDeterministic() {
        try (NDManager m = manager.newSubManager()) {
            final ClipInput in = clips(m, 4, false, 12);
            final float[] a = forward.backbone(in).level0().x().toFloatArray();
            assertArrayEquals(a, forward.backbone(in).level0().x().toFloatArray());
            final float[] d = new HierEgoPackForward(weights, 0.5f).backbone(in).level0().x().toFloatArray();
            assertTrue(!java.util.Arrays.equals(a, d), "dropout 0.5 must change the level output");
        }
    }

    @Test
    void gradientsReachEveryTrainableParameterOfTheUsedHeads() {
        try (NDManager m = manager.newSubManager();
                HierEgoPackWeights w = HierEgoPackWeights.initialise(HierEgoPackConfig.small(), m, 5)) {
            w.setRequiresGradient(true);
            final HierEgoPackForward f = new HierEgoPackForward(w);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                final ClipInput in = clips(m, 2, false, 9, 4);
                final BackboneOutput b = f.backbone(in);
                final Segments seg = new Segments(new float[] {0f, 0f}, new float[] {2f, 1f}, new long[] {0, 1});
                final ArOutput ar = f.ar(b, seg);
                final LtaOutput lta = f.lta(b);
                NDArray loss = ar.verbLogits().square().sum().add(ar.nounLogits().square().sum());
                loss = loss.add(f.oscc(b, seg).logits().square().sum());
                loss = loss.add(lta.nounLogits().square().sum()).add(lta.verbLogits().square().sum());
                loss = loss.add(f.mq(b, MqContext.clip()).clsLogits().square().sum());
                loss = loss.add(f.mq(b, MqContext.clip()).regPreds().sum());
                loss = loss.add(f.pnr(b).square().sum());
                gc.backward(loss);
            }
            int withGradient = 0;
            final List<String> without = new ArrayList<>();
            for (final Map.Entry<String, NDArray> e : w.namedTrainableParameters().entrySet()) {
                if (e.getKey().startsWith("egopack")) {
                    continue;
                }
                final float abs = e.getValue().getGradient().abs().sum().getFloat();
                if (abs > 0) {
                    withGradient++;
                } else {
                    without.add(e.getKey());
                }
            }
            // the PNR and MQ-reg ReLU heads can have exactly-zero gradient only if every unit is off; with these
            // seeds every parameter receives a gradient
            assertTrue(without.isEmpty(), "no gradient: " + without);
            assertEquals(56 + 26 + 16 + 8 + 42 + 22, withGradient);
        }
    }
}
