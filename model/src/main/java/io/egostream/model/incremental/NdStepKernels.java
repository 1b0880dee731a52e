package io.egostream.model.incremental;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import io.egostream.model.nn.Classifier;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.LtaHead;
import io.egostream.model.nn.LtaOutput;
import io.egostream.model.nn.MqHead;
import io.egostream.model.nn.Projection;
import io.egostream.model.nn.Tdgc;
import io.egostream.model.nn.WeightModule;

/**
 * {@link StepKernels} on DJL NDArrays, on the engine and device of the weights (the PyTorch engine on CPU
 * by default). The two linear maps of a TDGC ({@code lin_rel} and {@code lin_root}) are stacked into one
 * {@code [2H, H]} matrix per TDGC at construction, so every node costs one GEMM row per TDGC; heads reuse
 * the offline blocks ({@link Projection}, {@link Classifier}, {@link LtaHead}, {@link MqHead},
 * {@link Tdgc#gates}). Every call works in a sub-manager that is closed before it returns.
 */
public final class NdStepKernels implements StepKernels {

    private static final float LN_EPS = 1e-5f;

    private final HierEgoPackWeights weights;
    private final HierEgoPackConfig config;
    private final NDManager manager;
    private final NDArray[] entryWeight;
    private final NDArray[] entryBias;
    private final NDArray[] secondWeight;
    private final NDArray[] secondBias;
    private final NDArray peFrequencyRow;

    /**
     * @param weights the parameter store (its arrays are read, never changed)
     */
    public NdStepKernels(final HierEgoPackWeights weights) {
        this.weights = weights;
        this.config = weights.config();
        this.manager = weights.manager().newSubManager();
        final int depth = config.depth();
        entryWeight = new NDArray[depth];
        entryBias = new NDArray[depth];
        secondWeight = new NDArray[depth];
        secondBias = new NDArray[depth];
        for (int d = 0; d < depth; d++) {
            entryWeight[d] = stackedWeight(d, "module_1");
            entryBias[d] = stackedBias(d, "module_1");
            secondWeight[d] = stackedWeight(d, "module_3");
            secondBias[d] = stackedBias(d, "module_3");
        }
        if (config.hasHead(io.egostream.model.domain.Task.PNR)) {
            final NDArray freq = weights.get(WeightModule.HEAD_PNR, "pe.frequency");
            peFrequencyRow = freq.reshape(1, freq.getShape().get(0));
            peFrequencyRow.attach(manager);
        } else {
            peFrequencyRow = null;
        }
    }

    private NDArray stackedWeight(final int level, final String module) {
        final String p = "layers." + level + "." + module;
        final NDArray rel = weights.get(WeightModule.BACKBONE, p + ".lin_rel.weight");
        final NDArray root = weights.get(WeightModule.BACKBONE, p + ".lin_root.weight");
        final NDArray w = NDArrays.concat(new NDList(rel, root), 0);
        w.attach(manager);
        return w;
    }

    private NDArray stackedBias(final int level, final String module) {
        final NDArray rel = weights.get(WeightModule.BACKBONE, "layers." + level + "." + module + ".lin_rel.bias");
        final NDArray b = NDArrays.concat(new NDList(rel, manager.zeros(rel.getShape())), 0);
        b.attach(manager);
        return b;
    }

    private NDArray tdgcBias(final int level, final String module) {
        return weights.get(WeightModule.BACKBONE, "layers." + level + "." + module + ".bias");
    }

    private static NDArray linear(final NDArray x, final NDArray w, final NDArray b) {
        return b == null ? Linear.linear(x, w).singletonOrThrow() : Linear.linear(x, w, b).singletonOrThrow();
    }

    /** {@code [hx | root]} from the stacked map: LeakyReLU on the first half only. */
    private NDArray hxRoot(final NDArray x, final NDArray w, final NDArray b) {
        final long h = config.hidden();
        final NDArray y = linear(x, w, b);
        final NDArray hx = Activation.leakyRelu(y.get(":, 0:" + h), 0.2f);
        return NDArrays.concat(new NDList(hx, y.get(":, " + h + ":")), 1);
    }

    private NDArray aggregate(final NDManager m, final float[] neighbourHx, final float[] coefGate, final int rows) {
        final int h = config.hidden();
        final int s = neighbourHx.length / Math.max(1, rows * h);
        final Shape shape = new Shape(rows, s, h);
        return m.create(neighbourHx, shape).mul(m.create(coefGate, shape)).sum(new int[] {1});
    }

    @Override
    public float[] inputProjection(final float[] frames, final int rows) {
        try (NDManager m = manager.newSubManager()) {
            final NDArray x = m.create(frames, new Shape(rows, config.inputDim()));
            return linear(x, weights.get(WeightModule.BACKBONE, "proj.1.weight"),
                    weights.get(WeightModule.BACKBONE, "proj.1.bias")).toFloatArray();
        }
    }

    @Override
    public float[] levelEntry(final int level, final float[] x, final int rows) {
        try (NDManager m = manager.newSubManager()) {
            return hxRoot(m.create(x, new Shape(rows, config.hidden())), entryWeight[level], entryBias[level])
                    .toFloatArray();
        }
    }

    @Override
    public float[] firstTdgc(final int level, final float[] neighbourHx, final float[] coefGate, final float[] root,
            final int rows) {
        try (NDManager m = manager.newSubManager()) {
            final NDArray agg = aggregate(m, neighbourHx, coefGate, rows);
            final NDArray u = Activation.leakyRelu(agg.add(m.create(root, new Shape(rows, config.hidden())))
                    .add(tdgcBias(level, "module_1")), 0.2f);
            return hxRoot(u, secondWeight[level], secondBias[level]).toFloatArray();
        }
    }

    @Override
    public float[] secondTdgc(final int level, final float[] neighbourHx, final float[] coefGate, final float[] root,
            final float[] x, final int rows) {
        try (NDManager m = manager.newSubManager()) {
            final Shape rowShape = new Shape(rows, config.hidden());
            final NDArray v = aggregate(m, neighbourHx, coefGate, rows).add(m.create(root, rowShape))
                    .add(tdgcBias(level, "module_3"));
            final String ln = "layers." + level + ".module_4";
            final NDArray gamma = weights.get(WeightModule.BACKBONE, ln + ".weight");
            final NDArray normed = LayerNorm.layerNorm(v, new Shape(config.hidden()), gamma,
                    weights.get(WeightModule.BACKBONE, ln + ".bias"), LN_EPS).singletonOrThrow();
            return m.create(x, rowShape).add(Activation.leakyRelu(normed, 0.2f)).toFloatArray();
        }
    }

    @Override
    public float[] gates(final int level, final int tdgc, final float[] distances) {
        try (NDManager m = manager.newSubManager()) {
            final String prefix = "layers." + level + "." + (tdgc == 0 ? "module_1" : "module_3");
            final NDArray like = m.zeros(new Shape(1));
            return new Tdgc(weights, WeightModule.BACKBONE, prefix).gates(like, distances).toFloatArray();
        }
    }

    @Override
    public float[] project(final HeadKind head, final float[] x, final int rows) {
        try (NDManager m = manager.newSubManager()) {
            return new Projection(weights, head.module()).forward(m.create(x, new Shape(rows, config.hidden())))
                    .toFloatArray();
        }
    }

    @Override
    public float[] classify(final HeadKind head, final String classifier, final float[] x, final int rows) {
        try (NDManager m = manager.newSubManager()) {
            final NDArray in = m.create(x, new Shape(rows, x.length / rows));
            return new Classifier(weights, head.module(), classifier).forward(in).toFloatArray();
        }
    }

    @Override
    public float[] pnr(final float[] x, final float[] index, final int rows) {
        try (NDManager m = manager.newSubManager()) {
            final NDArray arg = m.create(index, new Shape(rows, 1)).mul(peFrequencyRow);
            final NDArray pe = NDArrays.concat(new NDList(arg.sin(), arg.cos()), 1);
            final NDArray z = new Projection(weights, WeightModule.HEAD_PNR)
                    .forward(m.create(x, new Shape(rows, config.hidden())).add(pe));
            return linear(z, weights.get(WeightModule.HEAD_PNR, "classifier.weight"),
                    weights.get(WeightModule.HEAD_PNR, "classifier.bias")).toFloatArray();
        }
    }

    @Override
    public float[][] lta(final float[] pooled, final int windows) {
        try (NDManager m = manager.newSubManager()) {
            final LtaOutput out = new LtaHead(weights).fromClipFeatures(
                    m.create(pooled, new Shape(windows, config.featureSize())));
            return new float[][] {out.verbLogits().toFloatArray(), out.nounLogits().toFloatArray()};
        }
    }

    @Override
    public float[][] mqNode(final float[] x, final int[] levels, final int rows) {
        try (NDManager m = manager.newSubManager()) {
            final MqHead head = new MqHead(weights);
            final NDArray f = head.project(m.create(x, new Shape(rows, config.hidden())));
            final long[] depth = new long[rows];
            for (int i = 0; i < rows; i++) {
                depth[i] = levels[i];
            }
            return new float[][] {f.toFloatArray(), head.regress(f, depth).toFloatArray()};
        }
    }

    @Override
    public float[] mqClassify(final float[] f, final float[] context, final int rows) {
        try (NDManager m = manager.newSubManager()) {
            final Shape s = new Shape(rows, config.featureSize());
            return new MqHead(weights).classify(m.create(f, s), m.create(context, s)).toFloatArray();
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
