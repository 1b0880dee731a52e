package io.egostream.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.domain.Task;
import io.egostream.model.graph.NodeSet;
import io.egostream.model.graph.RadiusGraph;
import io.egostream.model.graph.TdgcEdges;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each block on tiny literal inputs with weights set by hand, against values worked out by hand (in the
 * comments). The tiny model: Din = H = F = 2, one level, gate hidden 1, classifier hidden 2, 2 verbs, 2
 * nouns, 2 MQ classes, EgoPack hidden 2 with 3 prototypes for AR. Every array starts at zero.
 */
class BlocksTest {

    private NDManager manager;
    private HierEgoPackWeights w;

    static HierEgoPackConfig tiny(final int k) {
        return new HierEgoPackConfig(2, 2, 1, 1, 2.0, 2, 2, 2, 2, 2, 1, 20, 2, 2, 2, 1, List.of(Task.values()),
                new EgoPackConfig(2, k, 1, 1, 3, List.of(Task.AR)));
    }

    @BeforeEach
    void zeroModel() {
        manager = NDManager.newBaseManager();
        w = HierEgoPackWeights.initialise(tiny(1), manager, 0);
        for (final ParameterSpec s : w.layout().all()) {
            w.set(s.module(), s.key(), new float[(int) s.size()]);
        }
    }

    @AfterEach
    void close() {
        w.close();
        manager.close();
    }

    private void set(final WeightModule m, final String key, final float... v) {
        w.set(m, key, v);
    }

    private NDArray matrix(final float[][] rows) {
        final float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return manager.create(flat, new Shape(rows.length, rows[0].length));
    }

    private static NodeSet clip(final float... pos) {
        final long[] idx = new long[pos.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new NodeSet(pos, new long[pos.length], idx);
    }

    @Test
    void tdgcIsTheSignedGatedMeanOverNeighboursPlusRoot() {
        final String p = "layers.0.module_1";
        set(WeightModule.BACKBONE, p + ".lin_rel.weight", 1, 0, 0, 1);
        set(WeightModule.BACKBONE, p + ".lin_root.weight", 0.5f, 0, 0, 0.5f);
        set(WeightModule.BACKBONE, p + ".bias", 0.1f, -0.1f);
        // lin_pos.0 = 0 -> hidden 0 -> gate = tanh(b2) = 0.5 for every distance
        final float atanhHalf = (float) (0.5 * Math.log(3));
        set(WeightModule.BACKBONE, p + ".lin_pos.2.bias", atanhHalf, atanhHalf);
        final float[] pos = {0f, 16f / 30, 32f / 30, 48f / 30}; // all four within 2 s of each other
        final TdgcEdges edges = TdgcEdges.of(RadiusGraph.build(pos, clip(pos), 2.0), pos);
        final NDArray x = matrix(new float[][] {{1, 0}, {2, 0}, {-1, 0}, {4, 0}});
        final float[] out = new Tdgc(w, WeightModule.BACKBONE, p).forward(x, edges).toFloatArray();
        // h = LeakyReLU_0.2(x) = 1, 2, -0.2, 4 ; out_i = 0.5 * mean_j sign(p_j - p_i) h_j + 0.5 x_i + 0.1
        final float[] expected = {
            0.5f * (2 - 0.2f + 4) / 3 + 0.5f + 0.1f, -0.1f,
            0.5f * (-1 - 0.2f + 4) / 3 + 1.0f + 0.1f, -0.1f,
            0.5f * (-1 - 2 + 4) / 3 - 0.5f + 0.1f, -0.1f,
            0.5f * (-1 - 2 + 0.2f) / 3 + 2.0f + 0.1f, -0.1f};
        assertArrayEquals(expected, out, 1e-6f);
    }

    @Test
    void tdgcGateIsTanhOfTheDistanceMlp() {
        final String p = "layers.0.module_3";
        set(WeightModule.BACKBONE, p + ".lin_pos.0.weight", 1f);
        set(WeightModule.BACKBONE, p + ".lin_pos.0.bias", -1f);
        set(WeightModule.BACKBONE, p + ".lin_pos.2.weight", 2f, -1f);
        set(WeightModule.BACKBONE, p + ".lin_pos.2.bias", 0f, 0.5f);
        final float[] g = new Tdgc(w, WeightModule.BACKBONE, p).gates(manager.zeros(new Shape(1)), new float[] {0.5f, 2f})
                .toFloatArray();
        // hidden(0.5) = LeakyReLU_0.01(-0.5) = -0.005 ; hidden(2) = 1
        assertArrayEquals(new float[] {(float) Math.tanh(-0.01), (float) Math.tanh(0.505), (float) Math.tanh(2),
            (float) Math.tanh(-0.5)}, g, 1e-6f);
    }

    @Test
    void aNodeWithoutNeighboursGetsOnlyItsRootAndBias() {
        final String p = "layers.0.module_1";
        set(WeightModule.BACKBONE, p + ".lin_rel.weight", 1, 0, 0, 1);
        set(WeightModule.BACKBONE, p + ".lin_root.weight", 2, 0, 0, 2);
        set(WeightModule.BACKBONE, p + ".bias", 1f, 1f);
        set(WeightModule.BACKBONE, p + ".lin_pos.2.bias", 5f, 5f);
        final float[] pos = {0f};
        final float[] out = new Tdgc(w, WeightModule.BACKBONE, p)
                .forward(matrix(new float[][] {{3, -1}}), TdgcEdges.of(RadiusGraph.build(pos, clip(pos), 2.0), pos))
                .toFloatArray();
        assertArrayEquals(new float[] {7, -1}, out, 1e-6f);
    }

    @Test
    void backboneLevelIsResidualThenMeanPooled() {
        // proj.1 = identity; all TDGCs zero except the bias of module_3 -> LN of a constant row is its LN bias
        set(WeightModule.BACKBONE, "proj.1.weight", 1, 0, 0, 1);
        set(WeightModule.BACKBONE, "layers.0.module_4.bias", 1f, -1f);
        final NDArray x = matrix(new float[][] {{1, 1}, {2, 2}, {3, 3}});
        final BackboneOutput b = new Backbone(w).forward(new ClipInput(x, clip(0.25f, 0.75f, 1.25f)), 1);
        // residual branch = LeakyReLU_0.2(LayerNorm(0) = bias) = (1, -0.2)
        assertArrayEquals(new float[] {2, 0.8f, 3, 1.8f, 4, 2.8f}, b.level0().x().toFloatArray(), 1e-6f);
        // pooling keeps nodes 0 and 2: (2 x0 + x1) / 3 and (x1 + 2 x2) / 3
        assertArrayEquals(new float[] {(4 + 3) / 3f, (1.6f + 1.8f) / 3, (3 + 8) / 3f, (1.8f + 5.6f) / 3},
                b.finalPooled().toFloatArray(), 1e-5f);
        assertArrayEquals(new float[] {0.25f, 1.25f}, b.finalNodes().pos());
    }

    @Test
    void projectionIsLinearLayerNormReluLinear() {
        set(WeightModule.HEAD_AR, "projector.net.1.weight", 1, 0, 0, 1);
        set(WeightModule.HEAD_AR, "projector.net.2.weight", 1, 1);
        set(WeightModule.HEAD_AR, "projector.net.4.weight", 1, 1, 0, 2);
        set(WeightModule.HEAD_AR, "projector.net.4.bias", 0, 1);
        final float[] y = new Projection(w, WeightModule.HEAD_AR).forward(matrix(new float[][] {{3, 1}})).toFloatArray();
        // LN([3, 1]) = [1, -1] / sqrt(1 + 1e-5); ReLU -> [a, 0]; W4 -> [a, 1]
        final float a = (float) (1 / Math.sqrt(1 + 1e-5));
        assertArrayEquals(new float[] {a, 1}, y, 1e-6f);
    }

    @Test
    void arAlignsSegmentsInclusivelyAndGivesZerosForAnEmptySegmentWhileOsccRejectsIt() {
        final NDArray f = matrix(new float[][] {{1, 0}, {2, 0}, {4, 0}});
        final NodeSet nodes = clip(0.25f, 0.75f, 1.25f);
        final Segments seg = new Segments(new float[] {0.25f, 1.0f, 0f}, new float[] {0.75f, 1.1f, 2f}, new long[3]);
        final float[] a = SegmentAlign.align(f, nodes, seg, true, "AR").toFloatArray();
        assertArrayEquals(new float[] {1.5f, 0, 0, 0, 7 / 3f, 0}, a, 1e-6f);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentAlign.align(f, nodes, seg, false, "OSCC"));
        assertEquals("OSCC segment 1 [1.0, 1.1] s of clip 0 covers no node (its mean is undefined; the reference"
                + " returns NaN)", e.getMessage());
    }

    @Test
    void pnrEncodesTheIntegerIndexWithSinAndCos() {
        w.set(WeightModule.HEAD_PNR, "pe.frequency", new float[] {1f});
        final NodeSet nodes = new NodeSet(new float[] {0, 0.5f}, new long[2], new long[] {0, 2});
        final float[] pe = new PnrHead(w).encoding(manager.zeros(new Shape(1)), nodes).toFloatArray();
        assertArrayEquals(new float[] {0, 1, (float) Math.sin(2), (float) Math.cos(2)}, pe, 1e-6f);
    }

    @Test
    void ltaBuildsOneChainPerClip() {
        final float[] pos = new float[40];
        final long[] clip = new long[40];
        for (int r = 0; r < 40; r++) {
            pos[r] = r % 20;
            clip[r] = r / 20;
        }
        final long[] idx = new long[40];
        for (int r = 0; r < 40; r++) {
            idx[r] = r % 20;
        }
        final var g = RadiusGraph.build(pos, new NodeSet(pos, clip, idx), LtaHead.CHAIN_RADIUS);
        assertArrayEquals(new int[] {1, 2}, g.sources(0));
        assertArrayEquals(new int[] {17, 18}, g.sources(19));
        assertArrayEquals(new int[] {21, 22}, g.sources(20));
        assertArrayEquals(new int[] {8, 9, 11, 12}, g.sources(10));
        // max pooling per clip
        final NDArray f = matrix(new float[][] {{1, -5}, {3, -7}, {0, 9}});
        final NodeSet nodes = new NodeSet(new float[] {0, 1, 0}, new long[] {0, 0, 1}, new long[] {0, 1, 0});
        assertArrayEquals(new float[] {3, -5, 0, 9}, LtaHead.maxPool(f, nodes).toFloatArray());
    }

    @Test
    void egoPackMatchesByCosineAndAveragesTheMatchedPrototypes() {
        final String proto = ParameterLayout.prototypesKey(Task.AR);
        set(WeightModule.EGOPACK, proto, 1, 0, 0, 1, -1, 0);
        final String s = ParameterLayout.stagePrefix(Task.AR, 0);
        set(WeightModule.EGOPACK, s + ".module_1.lin_l.weight", 1, 0, 0, 1);
        set(WeightModule.EGOPACK, s + ".module_1.lin_l.bias", 0.5f, 0);
        set(WeightModule.EGOPACK, s + ".module_2.weight", 1, 0, 0, 1);
        final NDArray a = matrix(new float[][] {{2, 0.1f}, {0, 0}, {-1, -0.2f}});
        final EgoPackInteraction.Result r = new EgoPackInteraction(w, Task.AR).interact(a);
        // k = 1: nearest of (2, 0.1) is prototype 0 -> lin_l(p0) + b = (1.5, 0); the zero row matches nothing -> b;
        // (-1, -0.2) is nearest to prototype 2 -> (-0.5, 0)
        assertArrayEquals(new long[] {0, -1, 2}, r.nearest().get(0));
        assertArrayEquals(new float[] {1.5f, 0, 0.5f, 0, -0.5f, 0}, r.output().toFloatArray(), 1e-6f);
    }

    @Test
    void egoPackSecondSageLayerAveragesTheFirstLayerOutputsOfThePrototypes() {
        try (HierEgoPackWeights w2 = HierEgoPackWeights.initialise(new HierEgoPackConfig(2, 2, 1, 1, 2.0, 2, 2, 2, 2,
                2, 1, 20, 2, 2, 2, 1, List.of(Task.AR), new EgoPackConfig(2, 2, 2, 1, 3, List.of(Task.AR))), manager, 0)) {
            for (final ParameterSpec sp : w2.layout().all()) {
                w2.set(sp.module(), sp.key(), new float[(int) sp.size()]);
            }
            w2.set(WeightModule.EGOPACK, ParameterLayout.prototypesKey(Task.AR), new float[] {1, 0, 0, 1, -1, 0});
            final String s = ParameterLayout.stagePrefix(Task.AR, 0);
            w2.set(WeightModule.EGOPACK, s + ".module_1.lin_r.weight", new float[] {2, 0, 0, 2});
            w2.set(WeightModule.EGOPACK, s + ".module_1.lin_l.bias", new float[] {0, 1});
            w2.set(WeightModule.EGOPACK, s + ".module_3.lin_l.weight", new float[] {1, 0, 0, 1});
            w2.set(WeightModule.EGOPACK, s + ".module_4.weight", new float[] {1, 0, 0, 1});
            final float[] out = new EgoPackInteraction(w2, Task.AR).interact(matrix(new float[][] {{1, 0.9f}}))
                    .output().toFloatArray();
            // k = 2: prototypes 0 and 1. Layer 1 of a prototype p: lin_r p + b_l = 2p + (0, 1): p0 -> (2, 1),
            // p1 -> (0, 3); LeakyReLU keeps them. Layer 2 of the query: mean = (1, 2).
            assertArrayEquals(new float[] {1, 2}, out, 1e-6f);
        }
    }

    @Test
    void mqContextIsTheClipMeanOrTheTrailingWindowMeanOverAllLevels() {
        final NodeSet l0 = clip(0, 1, 2, 3);
        final NodeSet l1 = new NodeSet(new float[] {0, 2}, new long[2], new long[] {0, 1});
        final NDArray x0 = matrix(new float[][] {{1, 0}, {2, 0}, {3, 0}, {4, 0}});
        final NDArray x1 = matrix(new float[][] {{10, 0}, {20, 0}});
        final BackboneOutput b = new BackboneOutput(List.of(new BackboneLevel(0, x0, l0), new BackboneLevel(1, x1, l1)),
                x1, l1);
        final NDArray f = b.graphsX();
        final float[] clip = MqContext.clip().apply(f, b).toFloatArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(40 / 6f, clip[2 * i], 1e-5f);
        }
        final float[] t = MqContext.parse("trailing:1.5").apply(f, b).toFloatArray();
        // window (p - 1.5, p]: p=0 -> {1, 10}; p=1 -> {1, 2, 10}; p=2 -> {2, 3, 20}; p=3 -> {3, 4, 20}
        assertArrayEquals(new float[] {11 / 2f, 13 / 3f, 25 / 3f, 27 / 3f, 11 / 2f, 25 / 3f},
                new float[] {t[0], t[2], t[4], t[6], t[8], t[10]}, 1e-5f);
        assertThrows(IllegalArgumentException.class, () -> MqContext.parse("trailing:-1"));
        assertThrows(IllegalArgumentException.class, () -> MqContext.parse("window"));
    }

    @Test
    void mqDecodingKeepsScoresAboveTheThresholdAndSegmentsLongerThanTheMinimum() {
        final NodeSet l0 = clip(0.5f, 1.5f);
        final NodeSet l1 = new NodeSet(new float[] {0.5f}, new long[1], new long[] {0});
        final BackboneOutput b = new BackboneOutput(List.of(new BackboneLevel(0, matrix(new float[][] {{0, 0}, {0, 0}}), l0),
                new BackboneLevel(1, matrix(new float[][] {{0, 0}}), l1)), matrix(new float[][] {{0, 0}}), l1);
        // logits: node0 (2, -10), node1 (0, 1), level-1 node (-10, 3)
        final NDArray cls = matrix(new float[][] {{2, -10}, {0, 1}, {-10, 3}});
        // offsets (left, right) in extents: node0 (0.5, 0.25), node1 (0.01, 0.01) -> 0.02 s long: dropped,
        // level-1 node (1, 1) with extent 2 -> (-1.5, 2.5)
        final NDArray reg = matrix(new float[][] {{0.5f, 0.25f}, {0.01f, 0.01f}, {1, 1}});
        final MqCandidates c = MqDecoder.decode(new MqOutput(cls, reg), b, 0, MqDecodeSettings.reference());
        // level 0 by score: node0 class0 (0.881), node1 class1 (0.731) dropped, node1 class0 (0.5) dropped;
        // sigmoid(-10) = 4.5e-5 < 0.001 dropped; level 1: class 1 (0.953)
        assertArrayEquals(new long[] {0, 1}, c.label());
        assertArrayEquals(new float[] {0f, -1.5f}, c.start(), 1e-6f);
        assertArrayEquals(new float[] {0.75f, 2.5f}, c.end(), 1e-6f);
        assertArrayEquals(new float[] {(float) (1 / (1 + Math.exp(-2))), (float) (1 / (1 + Math.exp(-3)))}, c.score(),
                1e-6f);
        assertTrue(c.size() == 2);
    }
}
