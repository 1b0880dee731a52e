package io.egostream.model.incremental;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackWeights;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link StepKernels} on DJL's OnnxRuntime engine: each step function is exported to ONNX by
 * {@link OnnxStepGraphs} (weights as initializers) and loaded as a DJL model on first use, on the chosen
 * device. On a GPU host the option {@code ortDevice=TensorRT} selects OnnxRuntime's TensorRT execution
 * provider (DJL requires the GPU device for it); without it the CUDA provider runs on the GPU.
 */
public final class OnnxStepKernels implements StepKernels {

    /** The DJL engine name. */
    public static final String ENGINE = "OnnxRuntime";

    private final OnnxStepGraphs graphs;
    private final HierEgoPackConfig config;
    private final Device device;
    private final Map<String, Object> options;
    private final Map<String, Loaded> loaded = new HashMap<>();
    private final int slots;

    private record Loaded(Model model, Predictor<NDList, NDList> predictor) {
    }

    /**
     * @param weights the parameter store (read once per step function, at its first use)
     * @param device the device ({@link ComputeDevice#resolve} with {@link #ENGINE})
     * @param ortDevice {@code TensorRT} (GPU only) or null for the default provider of the device
     * @param slots TDGC neighbour slots {@code 2K} of the evaluator
     * @throws IllegalArgumentException if TensorRT is asked for on the CPU
     */
    public OnnxStepKernels(final HierEgoPackWeights weights, final Device device, final String ortDevice,
            final int slots) {
        if (ortDevice != null && !ortDevice.isEmpty() && !device.isGpu()) {
            throw new IllegalArgumentException("ortDevice=" + ortDevice + " needs a GPU device, got " + device
                    + "; a GPU host needs " + ComputeDevice.GPU_REQUIREMENTS);
        }
        this.graphs = new OnnxStepGraphs(weights);
        this.config = weights.config();
        this.device = device;
        this.options = new HashMap<>();
        if (ortDevice != null && !ortDevice.isEmpty()) {
            options.put("ortDevice", ortDevice);
        }
        this.slots = slots;
    }

    private Loaded load(final String key, final Supplier<byte[]> export) {
        Loaded l = loaded.get(key);
        if (l != null) {
            return l;
        }
        final Model model = Model.newInstance(key, device, ENGINE);
        try {
            model.load(new ByteArrayInputStream(export.get()), options);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("engine " + ENGINE + " could not load the exported step function " + key
                    + " on " + device + ": " + e.getMessage(), e);
        }
        l = new Loaded(model, model.newPredictor(new NoopTranslator()));
        loaded.put(key, l);
        return l;
    }

    private float[][] run(final String key, final Supplier<byte[]> export, final Object... inputs) {
        final Loaded l = load(key, export);
        try (NDManager m = l.model().getNDManager().newSubManager()) {
            final NDList in = new NDList();
            for (int i = 0; i < inputs.length; i += 2) {
                final Object v = inputs[i];
                final Shape s = (Shape) inputs[i + 1];
                final NDArray a = v instanceof long[] longs ? m.create(longs, s) : m.create((float[]) v, s);
                in.add(a);
            }
            final NDList out = l.predictor().predict(in);
            final List<float[]> res = new ArrayList<>();
            for (final NDArray a : out) {
                res.add(a.toFloatArray());
            }
            out.close();
            return res.toArray(new float[0][]);
        } catch (TranslateException e) {
            throw new IllegalStateException("engine " + ENGINE + " failed to run " + key + ": " + e.getMessage(), e);
        }
    }

    private Shape rows(final int rows, final long... rest) {
        final long[] s = new long[rest.length + 1];
        s[0] = rows;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return new Shape(s);
    }

    @Override
    public float[] inputProjection(final float[] frames, final int rows) {
        return run("input_projection", graphs::inputProjection, frames, rows(rows, config.inputDim()))[0];
    }

    @Override
    public float[] levelEntry(final int level, final float[] x, final int rows) {
        return run("level_entry_" + level, () -> graphs.levelEntry(level), x, rows(rows, config.hidden()))[0];
    }

    @Override
    public float[] firstTdgc(final int level, final float[] neighbourHx, final float[] coefGate, final float[] root,
            final int rows) {
        final Shape n = rows(rows, slots, config.hidden());
        return run("first_tdgc_" + level, () -> graphs.firstTdgc(level, slots), neighbourHx, n, coefGate, n, root,
                rows(rows, config.hidden()))[0];
    }

    @Override
    public float[] secondTdgc(final int level, final float[] neighbourHx, final float[] coefGate, final float[] root,
            final float[] x, final int rows) {
        final Shape n = rows(rows, slots, config.hidden());
        final Shape r = rows(rows, config.hidden());
        return run("second_tdgc_" + level, () -> graphs.secondTdgc(level, slots), neighbourHx, n, coefGate, n, root,
                r, x, r)[0];
    }

    @Override
    public float[] gates(final int level, final int tdgc, final float[] distances) {
        return run("gates_" + level + "_" + tdgc, () -> graphs.gates(level, tdgc), distances,
                rows(distances.length, 1))[0];
    }

    @Override
    public float[] project(final HeadKind head, final float[] x, final int rows) {
        return run("project_" + head, () -> graphs.project(head), x, rows(rows, config.hidden()))[0];
    }

    @Override
    public float[] classify(final HeadKind head, final String classifier, final float[] x, final int rows) {
        final int width = x.length / rows;
        return run("classify_" + head + "_" + classifier + "_" + width, () -> graphs.classify(head, classifier, width),
                x, rows(rows, width))[0];
    }

    @Override
    public float[] pnr(final float[] x, final float[] index, final int rows) {
        return run("pnr", graphs::pnr, x, rows(rows, config.hidden()), index, rows(rows, 1))[0];
    }

    @Override
    public float[][] lta(final float[] pooled, final int windows) {
        return run("lta", graphs::lta, pooled, rows(windows, config.featureSize()));
    }

    @Override
    public float[][] mqNode(final float[] x, final int[] levels, final int rows) {
        final long[] l = new long[rows];
        for (int i = 0; i < rows; i++) {
            l[i] = levels[i];
        }
        return run("mq_node", graphs::mqNode, x, rows(rows, config.hidden()), l, new Shape(rows));
    }

    @Override
    public float[] mqClassify(final float[] f, final float[] context, final int rows) {
        final Shape s = rows(rows, config.featureSize());
        return run("mq_classify", graphs::mqClassify, f, s, context, s)[0];
    }

    /** @return how many step functions have been exported and loaded */
    public int loadedGraphs() {
        return loaded.size();
    }

    @Override
    public void close() {
        for (final Loaded l : loaded.values()) {
            l.predictor().close();
            l.model().close();
        }
        loaded.clear();
    }
}
