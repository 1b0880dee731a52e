package io.egostream.model.incremental;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.graph.NodeSet;
import io.egostream.model.graph.SlotPlan;
import io.egostream.model.graph.TdgcEdges;
import io.egostream.model.graph.TimePooling;
import io.egostream.model.nn.Backbone;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.LtaHead;
import io.egostream.model.nn.Tdgc;
import io.egostream.model.nn.WeightModule;
import io.egostream.model.onnx.OnnxGraph;
import io.egostream.model.schedule.NodeTiming;

/**
 * The step functions of {@link StepKernels} as ONNX graphs (opset 17) with the weights as initializers and a
 * symbolic row dimension, so DJL's OnnxRuntime engine can run them. Each method returns the serialised
 * model; inputs and outputs are named as in the kernel method's parameters. The math is the same as
 * {@link NdStepKernels} (and the offline blocks): {@code Gemm} for every Linear ({@code transB = 1}),
 * {@code LayerNormalization} (epsilon 1e-5), {@code LeakyRelu}, {@code Tanh}, {@code ReduceSum} for the TDGC
 * neighbour sum, {@code MatMul} with constant band matrices for the fixed LTA chain.
 */
public final class OnnxStepGraphs {

    private static final String PRODUCER = "egostream";
    private static final float LN_EPS = 1e-5f;

    private final HierEgoPackWeights weights;
    private final HierEgoPackConfig config;

    /**
     * @param weights the parameter store
     */
    public OnnxStepGraphs(final HierEgoPackWeights weights) {
        this.weights = weights;
        this.config = weights.config();
    }

    private String param(final OnnxGraph g, final WeightModule m, final String key) {
        final NDArray a = weights.get(m, key);
        return g.constant(a.toFloatArray(), a.getShape().getShape());
    }

    private String linear(final OnnxGraph g, final String x, final WeightModule m, final String prefix,
            final boolean bias) {
        return g.linear(x, param(g, m, prefix + ".weight"), bias ? param(g, m, prefix + ".bias") : null);
    }

    private String layerNorm(final OnnxGraph g, final String x, final WeightModule m, final String prefix) {
        return g.layerNorm(x, param(g, m, prefix + ".weight"), param(g, m, prefix + ".bias"), LN_EPS);
    }

    /** {@code [LeakyReLU(W_rel x + b_rel) | W_root x]} of one backbone TDGC. */
    private String hxRoot(final OnnxGraph g, final String x, final String prefix) {
        final String hx = g.leakyRelu(linear(g, x, WeightModule.BACKBONE, prefix + ".lin_rel", true), 0.2f);
        final String root = g.linear(x, param(g, WeightModule.BACKBONE, prefix + ".lin_root.weight"), null);
        return g.concat(1, hx, root);
    }

    private String aggregate(final OnnxGraph g, final String hx, final String coefGate) {
        return g.reduceSum(g.mul(hx, coefGate), 1);
    }

    /** @return {@code frames [rows, Din] -> x [rows, H]} */
    public byte[] inputProjection() {
        final OnnxGraph g = new OnnxGraph("input_projection");
        final String x = g.input("frames", OnnxGraph.FLOAT, "rows", (long) config.inputDim());
        g.output(linear(g, x, WeightModule.BACKBONE, "proj.1", true), "x", OnnxGraph.FLOAT, "rows",
                (long) config.hidden());
        return g.toModel(PRODUCER);
    }

    /**
     * @param level backbone level
     * @return {@code x [rows, H] -> y [rows, 2H]}
     */
    public byte[] levelEntry(final int level) {
        final OnnxGraph g = new OnnxGraph("level_entry_" + level);
        final String x = g.input("x", OnnxGraph.FLOAT, "rows", (long) config.hidden());
        g.output(hxRoot(g, x, "layers." + level + ".module_1"), "y", OnnxGraph.FLOAT, "rows",
                2L * config.hidden());
        return g.toModel(PRODUCER);
    }

    /**
     * @param level backbone level
     * @param slots neighbour slots {@code S}
     * @return {@code (neighbour_hx [rows,S,H], coef_gate [rows,S,H], root [rows,H]) -> y [rows, 2H]}
     */
    public byte[] firstTdgc(final int level, final int slots) {
        final OnnxGraph g = new OnnxGraph("first_tdgc_" + level);
        final long h = config.hidden();
        final String hx = g.input("neighbour_hx", OnnxGraph.FLOAT, "rows", (long) slots, h);
        final String cg = g.input("coef_gate", OnnxGraph.FLOAT, "rows", (long) slots, h);
        final String root = g.input("root", OnnxGraph.FLOAT, "rows", h);
        final String p = "layers." + level;
        final String u = g.leakyRelu(g.add(g.add(aggregate(g, hx, cg), root),
                param(g, WeightModule.BACKBONE, p + ".module_1.bias")), 0.2f);
        g.output(hxRoot(g, u, p + ".module_3"), "y", OnnxGraph.FLOAT, "rows", 2 * h);
        return g.toModel(PRODUCER);
    }

    /**
     * @param level backbone level
     * @param slots neighbour slots {@code S}
     * @return {@code (neighbour_hx, coef_gate, root, x) -> out [rows, H]}
     */
    public byte[] secondTdgc(final int level, final int slots) {
        final OnnxGraph g = new OnnxGraph("second_tdgc_" + level);
        final long h = config.hidden();
        final String hx = g.input("neighbour_hx", OnnxGraph.FLOAT, "rows", (long) slots, h);
        final String cg = g.input("coef_gate", OnnxGraph.FLOAT, "rows", (long) slots, h);
        final String root = g.input("root", OnnxGraph.FLOAT, "rows", h);
        final String x = g.input("x", OnnxGraph.FLOAT, "rows", h);
        final String p = "layers." + level;
        final String v = g.add(g.add(aggregate(g, hx, cg), root), param(g, WeightModule.BACKBONE, p + ".module_3.bias"));
        final String z = g.leakyRelu(layerNorm(g, v, WeightModule.BACKBONE, p + ".module_4"), 0.2f);
        g.output(g.add(x, z), "out", OnnxGraph.FLOAT, "rows", h);
        return g.toModel(PRODUCER);
    }

    /**
     * @param level backbone level
     * @param tdgc 0 or 1
     * @return {@code distances [rows, 1] -> gates [rows, H]}
     */
    public byte[] gates(final int level, final int tdgc) {
        final OnnxGraph g = new OnnxGraph("gates_" + level + "_" + tdgc);
        final String d = g.input("distances", OnnxGraph.FLOAT, "rows", 1L);
        final String p = "layers." + level + "." + (tdgc == 0 ? "module_1" : "module_3") + ".lin_pos";
        final String hidden = g.leakyRelu(linear(g, d, WeightModule.BACKBONE, p + ".0", true), 0.01f);
        g.output(g.tanh(linear(g, hidden, WeightModule.BACKBONE, p + ".2", true)), "gates", OnnxGraph.FLOAT, "rows",
                (long) config.hidden());
        return g.toModel(PRODUCER);
    }

    private String projection(final OnnxGraph g, final String x, final WeightModule m) {
        final String h = g.relu(layerNorm(g, linear(g, x, m, "projector.net.1", true), m, "projector.net.2"));
        return linear(g, h, m, "projector.net.4", true);
    }

    private String classifier(final OnnxGraph g, final String x, final WeightModule m, final String name) {
        String h = g.relu(layerNorm(g, linear(g, x, m, name + ".net.0", true), m, name + ".net.1"));
        h = g.relu(layerNorm(g, linear(g, h, m, name + ".net.3", true), m, name + ".net.4"));
        return linear(g, h, m, name + ".cls", true);
    }

    private long classes(final WeightModule m, final String name) {
        return weights.get(m, name + ".cls.weight").getShape().get(0);
    }

    /**
     * @param head a head
     * @return {@code x [rows, H] -> f [rows, F]}
     */
    public byte[] project(final HeadKind head) {
        final OnnxGraph g = new OnnxGraph("project_" + head);
        final String x = g.input("x", OnnxGraph.FLOAT, "rows", (long) config.hidden());
        g.output(projection(g, x, head.module()), "f", OnnxGraph.FLOAT, "rows", (long) config.featureSize());
        return g.toModel(PRODUCER);
    }

    /**
     * @param head a head
     * @param name classifier prefix
     * @param inputWidth input features
     * @return {@code x [rows, in] -> logits [rows, C]}
     */
    public byte[] classify(final HeadKind head, final String name, final int inputWidth) {
        final OnnxGraph g = new OnnxGraph("classify_" + head + "_" + name);
        final String x = g.input("x", OnnxGraph.FLOAT, "rows", (long) inputWidth);
        g.output(classifier(g, x, head.module(), name), "logits", OnnxGraph.FLOAT, "rows",
                classes(head.module(), name));
        return g.toModel(PRODUCER);
    }

    /** @return {@code (x [rows, H], index [rows, 1]) -> logits [rows, 1]} */
    public byte[] pnr() {
        final OnnxGraph g = new OnnxGraph("pnr");
        final String x = g.input("x", OnnxGraph.FLOAT, "rows", (long) config.hidden());
        final String index = g.input("index", OnnxGraph.FLOAT, "rows", 1L);
        final NDArray freq = weights.get(WeightModule.HEAD_PNR, "pe.frequency");
        final long half = freq.getShape().get(0);
        final String arg = g.mul(index, g.constant(freq.toFloatArray(), 1, half));
        final String z = projection(g, g.add(x, g.concat(1, g.sin(arg), g.cos(arg))), WeightModule.HEAD_PNR);
        g.output(linear(g, z, WeightModule.HEAD_PNR, "classifier", true), "logits", OnnxGraph.FLOAT, "rows", 1L);
        return g.toModel(PRODUCER);
    }

    /**
     * The LTA chain on {@code K} steps as dense ops: the chain edges (offsets +-1, +-2, mean over the
     * neighbours that exist, sign of the step difference) are constant {@code [K, K]} matrices per distance, the
     * gates of distances 1 and 2 are constants.
     *
     * @return {@code pooled [windows, F] -> (verb [windows*K, V], noun [windows*K, N])}
     */
    public byte[] lta() {
        final OnnxGraph g = new OnnxGraph("lta");
        final long f = config.featureSize();
        final int k = config.ltaSteps();
        final String pooled = g.input("pooled", OnnxGraph.FLOAT, "windows", f);
        final float[] ones = new float[k];
        java.util.Arrays.fill(ones, 1f);
        String h = g.mul(g.reshape(pooled, -1, 1, f), g.constant(ones, 1, k, 1));
        final int reach = (int) Math.ceil(LtaHead.CHAIN_RADIUS) - 1;
        for (final String prefix : new String[] {"head.module_0", "head.module_2"}) {
            final String hx = g.leakyRelu(g.add(g.matMul(h, transposed(g, WeightModule.HEAD_LTA, prefix + ".lin_rel.weight")),
                    param(g, WeightModule.HEAD_LTA, prefix + ".lin_rel.bias")), 0.2f);
            String acc = g.add(g.matMul(h, transposed(g, WeightModule.HEAD_LTA, prefix + ".lin_root.weight")),
                    param(g, WeightModule.HEAD_LTA, prefix + ".bias"));
            final float[] gates = ltaGates(prefix, reach);
            for (int d = 1; d <= reach; d++) {
                final float[] band = new float[k * k];
                for (int i = 0; i < k; i++) {
                    final int degree = Math.min(i, reach) + Math.min(k - 1 - i, reach);
                    for (final int j : new int[] {i - d, i + d}) {
                        if (j >= 0 && j < k) {
                            band[i * k + j] = Math.signum((float) j - i) / degree;
                        }
                    }
                }
                final float[] gate = new float[(int) f];
                System.arraycopy(gates, (d - 1) * (int) f, gate, 0, (int) f);
                acc = g.add(acc, g.mul(g.matMul(g.constant(band, k, k), hx), g.constant(gate, f)));
            }
            h = g.relu(acc);
        }
        final String rows = g.reshape(h, -1, f);
        g.output(classifier(g, rows, WeightModule.HEAD_LTA, "verb_classifier"), "verb", OnnxGraph.FLOAT, "steps",
                classes(WeightModule.HEAD_LTA, "verb_classifier"));
        g.output(classifier(g, rows, WeightModule.HEAD_LTA, "noun_classifier"), "noun", OnnxGraph.FLOAT, "steps",
                classes(WeightModule.HEAD_LTA, "noun_classifier"));
        return g.toModel(PRODUCER);
    }

    private String transposed(final OnnxGraph g, final WeightModule m, final String key) {
        final NDArray w = weights.get(m, key);
        final int rows = (int) w.getShape().get(0);
        final int cols = (int) w.getShape().get(1);
        final float[] v = w.toFloatArray();
        final float[] t = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return g.constant(t, cols, rows);
    }

    private float[] ltaGates(final String prefix, final int reach) {
        final float[] d = new float[reach];
        for (int i = 0; i < reach; i++) {
            d[i] = i + 1;
        }
        try (NDManager sub = weights.manager().newSubManager()) {
            return new Tdgc(weights, WeightModule.HEAD_LTA, prefix).gates(sub.zeros(new Shape(1)), d).toFloatArray();
        }
    }

    /** @return {@code (x [rows, H], levels int64 [rows]) -> (f [rows, F], offsets [rows, 2])} */
    public byte[] mqNode() {
        final OnnxGraph g = new OnnxGraph("mq_node");
        final WeightModule m = WeightModule.HEAD_MQ;
        final String x = g.input("x", OnnxGraph.FLOAT, "rows", (long) config.hidden());
        final String levels = g.input("levels", OnnxGraph.INT64, "rows");
        final String f = projection(g, x, m);
        String r = g.linear(f, param(g, m, "regressor.layers.0.0.weight"), null);
        r = g.relu(layerNorm(g, r, m, "regressor.layers.0.1"));
        r = g.relu(linear(g, r, m, "regressor.head.0", true));
        final String scale = g.reshape(g.gather(param(g, m, "scales"), levels), -1, 1);
        g.output(f, "f", OnnxGraph.FLOAT, "rows", (long) config.featureSize());
        g.output(g.mul(r, scale), "offsets", OnnxGraph.FLOAT, "rows", 2L);
        return g.toModel(PRODUCER);
    }

    /** @return {@code (f [rows, F], context [rows, F]) -> logits [rows, C]} */
    public byte[] mqClassify() {
        final OnnxGraph g = new OnnxGraph("mq_classify");
        final long fs = config.featureSize();
        final String f = g.input("f", OnnxGraph.FLOAT, "rows", fs);
        final String ctx = g.input("context", OnnxGraph.FLOAT, "rows", fs);
        g.output(classifier(g, g.concat(1, f, ctx), WeightModule.HEAD_MQ, "classifier"), "logits", OnnxGraph.FLOAT,
                "rows", classes(WeightModule.HEAD_MQ, "classifier"));
        return g.toModel(PRODUCER);
    }

    /**
     * The offline backbone of one clip of a fixed number of nodes (the shapes the graph structure fixes):
     * every level's TDGCs as gathers with constant neighbour indices and coefficients ({@link Backbone#levelEdges},
     * the same slot plans as the offline forward), the gate MLP on the clip's distinct distances, and the mean
     * time pooling ({@link TimePooling}).
     *
     * @param nodes nodes of the clip, at least 1
     * @param timing node timestamps
     * @return {@code frames [nodes, Din] -> level_0 [nodes, H], level_1 [ceil(nodes/2), H], ...}
     */
    public byte[] offlineBackbone(final int nodes, final NodeTiming timing) {
        if (nodes < 1) {
            throw new IllegalArgumentException("an offline backbone graph needs at least one node, got " + nodes);
        }
        final OnnxGraph g = new OnnxGraph("offline_backbone_" + nodes);
        final long h = config.hidden();
        final String frames = g.input("frames", OnnxGraph.FLOAT, (long) nodes, (long) config.inputDim());
        String x = linear(g, frames, WeightModule.BACKBONE, "proj.1", true);
        final float[] pos = new float[nodes];
        final long[] index = new long[nodes];
        for (int i = 0; i < nodes; i++) {
            pos[i] = timing.pos(i);
            index[i] = i;
        }
        NodeSet set = new NodeSet(pos, new long[nodes], index);
        for (int d = 0; d < config.depth(); d++) {
            final TdgcEdges edges = Backbone.levelEdges(set, d, config.edgeRadius());
            final String p = "layers." + d;
            String z = g.leakyRelu(offlineTdgc(g, x, edges, p + ".module_1"), 0.2f);
            z = offlineTdgc(g, z, edges, p + ".module_3");
            z = g.leakyRelu(layerNorm(g, z, WeightModule.BACKBONE, p + ".module_4"), 0.2f);
            x = g.add(x, z);
            g.output(x, "level_" + d, OnnxGraph.FLOAT, (long) set.size(), h);
            if (d + 1 < config.depth()) {
                final TimePooling pooling = TimePooling.of(set);
                x = gatherSum(g, x, pooling.plan());
                set = pooling.pooled();
            }
        }
        return g.toModel(PRODUCER);
    }

    private String gatherSum(final OnnxGraph g, final String x, final SlotPlan plan) {
        final String rows = g.gather(x, g.constantLongs(plan.index(), plan.index().length));
        final String weighted = g.mul(rows, g.constant(plan.coef(), plan.coef().length, 1));
        return g.reduceSum(g.reshape(weighted, plan.slots(), plan.rows(), -1), 0);
    }

    private String offlineTdgc(final OnnxGraph g, final String x, final TdgcEdges edges, final String prefix) {
        final String hx = g.leakyRelu(linear(g, x, WeightModule.BACKBONE, prefix + ".lin_rel", true), 0.2f);
        String out = g.linear(x, param(g, WeightModule.BACKBONE, prefix + ".lin_root.weight"), null);
        final SlotPlan plan = edges.plan();
        if (plan.slots() > 0) {
            final float[] dist = edges.distances();
            final String d = g.constant(dist, dist.length, 1);
            final String hidden = g.leakyRelu(linear(g, d, WeightModule.BACKBONE, prefix + ".lin_pos.0", true), 0.01f);
            final String gates = g.tanh(linear(g, hidden, WeightModule.BACKBONE, prefix + ".lin_pos.2", true));
            final long[] di = edges.distanceIndex();
            final String gate = g.gather(gates, g.constantLongs(di, di.length));
            final String msg = g.mul(g.mul(g.gather(hx, g.constantLongs(plan.index(), plan.index().length)), gate),
                    g.constant(plan.coef(), plan.coef().length, 1));
            out = g.add(g.reduceSum(g.reshape(msg, plan.slots(), plan.rows(), -1), 0), out);
        }
        return g.add(out, param(g, WeightModule.BACKBONE, prefix + ".bias"));
    }
}
