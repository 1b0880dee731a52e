package io.egostream.cli.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import io.egostream.model.domain.Task;
import io.egostream.model.graph.NodeSet;
import io.egostream.model.incremental.CameraStep;
import io.egostream.model.incremental.ComputeDevice;
import io.egostream.model.incremental.CountingKernels;
import io.egostream.model.incremental.IncrementalEvaluator;
import io.egostream.model.incremental.NdStepKernels;
import io.egostream.model.incremental.OnnxStepKernels;
import io.egostream.model.incremental.StepKernels;
import io.egostream.model.incremental.StreamState;
import io.egostream.model.incremental.StreamingSettings;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.ClipInput;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.MqContext;
import io.egostream.model.onnx.OnnxGraph;
import io.egostream.model.schedule.NodeTiming;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The measurements of {@code egostream bench model}: incremental evaluator frames/s per batch size, the
 * sliding-window recompute baseline, the engine's GEMM peak, achieved GFLOP/s, and cost per frame at two
 * stream lengths. Every number is measured in this run.
 */
final class ModelBenchmark {

    /** Nodes of the sliding-window baseline's window. */
    static final int WINDOW_NODES = 1024;
    /** Frames between two recomputes of the baseline. */
    static final int WINDOW_HOP = 16;
    private static final int POOL = 64;
    /** Measured segments per number; the fastest is reported. */
    static final int REPEATS = 3;

    /**
     * @param configs preset names
     * @param batches camera batch sizes
     * @param warmupFrames frames per camera before measuring
     * @param frames measured frames per camera
     * @param streamLengths stream lengths (frames) after which the cost per frame is measured at batch 1
     * @param baselineBatches batch sizes of the sliding-window baseline
     * @param engine pytorch or onnxruntime
     * @param device device choice
     * @param ortDevice OnnxRuntime execution provider option (TensorRT) or null
     */
    record Options(List<String> configs, List<Integer> batches, int warmupFrames, int frames, List<Integer> streamLengths,
            List<Integer> baselineBatches, String engine, ComputeDevice device, String ortDevice) {
    }

    private final Options options;
    private final NDManager manager;
    private final Device device;
    private final String engineName;

    ModelBenchmark(final Options options, final NDManager manager) {
        this.options = options;
        this.manager = manager;
        this.engineName = "onnxruntime".equals(options.engine()) ? OnnxStepKernels.ENGINE : "PyTorch";
        this.device = options.device().resolve(engineName);
        if (!"PyTorch".equals(engineName)) {
            ComputeDevice.CPU.resolve("PyTorch");
        }
    }

    Map<String, Object> run() {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine", engineName);
        out.put("device", device.toString());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("pytorch_threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        final Map<String, Object> gemm = gemmPeak(new int[] {1, 16, 64, 256, 1024});
        out.put("gemm_768", gemm);
        final double peak = (double) gemm.get("peak_gflops");
        final Map<String, Object> configs = new LinkedHashMap<>();
        for (final String name : options.configs()) {
            configs.put(name, config(name, peak));
        }
        out.put("configs", configs);
        return out;
    }

    private StepKernels kernels(final HierEgoPackWeights w, final int slots) {
        return OnnxStepKernels.ENGINE.equals(engineName) ? new OnnxStepKernels(w, device, options.ortDevice(), slots)
                : new NdStepKernels(w);
    }

    private Map<String, Object> config(final String name, final double peak) {
        final Map<String, Object> out = new LinkedHashMap<>();
        final HierEgoPackConfig full = HierEgoPackConfig.preset(name);
        final HierEgoPackConfig config = full.withHeads(full.heads(), null);
        final NodeTiming timing = NodeTiming.ego4d();
        final StreamingSettings settings = StreamingSettings.defaults(timing);
        try (NDManager m = manager.newSubManager(device.isGpu() && "PyTorch".equals(engineName) ? device : Device.cpu());
                HierEgoPackWeights weights = HierEgoPackWeights.initialise(config, m, 1)) {
            final float[][] pool = pool(config.inputDim());
            final int slots = 2 * timing.neighbourOffsets(config.edgeRadius());
            out.put("depth", config.depth());
            out.put("hidden", config.hidden());
            final List<Map<String, Object>> rows = new ArrayList<>();
            try (CountingKernels k = new CountingKernels(kernels(weights, slots), config, slots);
                    IncrementalEvaluator ev = new IncrementalEvaluator(config, k, settings)) {
                out.put("receptive_field_frames", ev.receptiveFieldFrames());
                for (final int b : options.batches()) {
                    rows.add(incremental(ev, k, b, pool, peak));
                }
                out.put("incremental_all_heads", rows);
                out.put("cost_per_frame_vs_stream_length", growth(ev, k, pool));
            }
            final HierEgoPackConfig mqOnly = config.withHeads(List.of(Task.MQ), null);
            final List<Map<String, Object>> cmp = new ArrayList<>();
            try (CountingKernels k = new CountingKernels(kernels(weights, slots), mqOnly, slots);
                    IncrementalEvaluator ev = new IncrementalEvaluator(mqOnly, k, settings)) {
                for (final int b : options.baselineBatches()) {
                    final Map<String, Object> row = new LinkedHashMap<>();
                    final Map<String, Object> inc = incremental(ev, k, b, pool, peak);
                    final double window = slidingWindow(weights, b, pool, settings);
                    row.put("batch", b);
                    row.put("incremental_frames_per_s", inc.get("frames_per_s"));
                    row.put("sliding_window_frames_per_s", window);
                    row.put("speedup", (double) inc.get("frames_per_s") / window);
                    cmp.add(row);
                }
            }
            out.put("backbone_mq_vs_sliding_window", cmp);
        }
        return out;
    }

    private static float[][] pool(final int dim) {
        final Random r = new Random(5);
        final float[][] p = new float[POOL][dim];
        for (final float[] f : p) {
            for (int i = 0; i < dim; i++) {
                f[i] = (float) r.nextGaussian();
            }
        }
        return p;
    }

    private static void stepAll(final IncrementalEvaluator ev, final List<StreamState> states, final float[][] pool) {
        final List<CameraStep> steps = new ArrayList<>(states.size());
        for (int c = 0; c < states.size(); c++) {
            final StreamState s = states.get(c);
            steps.add(CameraStep.push(s, List.of(pool[(int) ((s.frames() + 7L * c) % POOL)])));
        }
        ev.step(steps);
    }

    private Map<String, Object> incremental(final IncrementalEvaluator ev, final CountingKernels k, final int batch,
            final float[][] pool, final double peak) {
        final List<StreamState> states = new ArrayList<>();
        for (int c = 0; c < batch; c++) {
            states.add(ev.open("bench-" + c));
        }
        for (int t = 0; t < options.warmupFrames(); t++) {
            stepAll(ev, states, pool);
        }
        // best of three consecutive measured segments: the machine is shared, the minimum is the least disturbed
        double s = Double.MAX_VALUE;
        long flops = 0;
        long calls = 0;
        for (int rep = 0; rep < REPEATS; rep++) {
            k.reset();
            final long t0 = System.nanoTime();
            for (int t = 0; t < options.frames(); t++) {
                stepAll(ev, states, pool);
            }
            final double sec = (System.nanoTime() - t0) / 1e9;
            if (sec < s) {
                s = sec;
                flops = k.flops();
                calls = k.calls();
            }
        }
        final Map<String, Object> row = new LinkedHashMap<>();
        row.put("batch", batch);
        row.put("frames_per_s", batch * (double) options.frames() / s);
        row.put("ms_per_step", 1e3 * s / options.frames());
        row.put("gflops", flops / s / 1e9);
        row.put("fraction_of_gemm_peak", flops / s / 1e9 / peak);
        row.put("mflop_per_frame", flops / 1e6 / (batch * (double) options.frames()));
        row.put("kernel_calls_per_step", (double) calls / options.frames());
        row.put("state_bytes_per_camera", ev.stateBytes(states.get(0)));
        return row;
    }

    private Map<String, Object> growth(final IncrementalEvaluator ev, final CountingKernels k, final float[][] pool) {
        final StreamState s = ev.open("growth");
        final List<StreamState> one = List.of(s);
        final Map<String, Object> out = new LinkedHashMap<>();
        final int measure = Math.max(16, options.frames());
        for (final long len : options.streamLengths()) {
            while (s.frames() < len) {
                stepAll(ev, one, pool);
            }
            double sec = Double.MAX_VALUE;
            long flops = 0;
            for (int rep = 0; rep < REPEATS; rep++) {
                k.reset();
                final long t0 = System.nanoTime();
                for (int t = 0; t < measure; t++) {
                    stepAll(ev, one, pool);
                }
                final double took = (System.nanoTime() - t0) / 1e9;
                if (took < sec) {
                    sec = took;
                    flops = k.flops();
                }
            }
            final Map<String, Object> row = new LinkedHashMap<>();
            row.put("ms_per_frame", 1e3 * sec / measure);
            row.put("mflop_per_frame", flops / 1e6 / measure);
            row.put("state_bytes", ev.stateBytes(s));
            out.put("after_" + len + "_frames", row);
        }
        return out;
    }

    /** @return frames/s of recomputing a 1024-node window (backbone + MQ) every 16 frames for {@code batch} cameras */
    private double slidingWindow(final HierEgoPackWeights weights, final int batch, final float[][] pool,
            final StreamingSettings settings) {
        final int n = WINDOW_NODES * batch;
        final int din = weights.config().inputDim();
        final float[] x = new float[n * din];
        final float[] pos = new float[n];
        final long[] clip = new long[n];
        final long[] index = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pool[i % POOL], 0, x, i * din, din);
            pos[i] = settings.timing().pos(i % WINDOW_NODES);
            clip[i] = i / WINDOW_NODES;
            index[i] = i % WINDOW_NODES;
        }
        final HierEgoPackForward forward = new HierEgoPackForward(weights);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            try (NDManager m = weights.manager().newSubManager()) {
                final long t0 = System.nanoTime();
                final BackboneOutput b = forward.backbone(new ClipInput(m.create(x, new Shape(n, din)),
                        new NodeSet(pos, clip, index)));
                forward.mq(b, MqContext.trailing(settings.mqContextSeconds())).clsLogits().toFloatArray();
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
        }
        return batch * (double) WINDOW_HOP / best;
    }

    private Map<String, Object> gemmPeak(final int[] rows) {
        final Map<String, Object> out = new LinkedHashMap<>();
        double peak = 0;
        final int d = 768;
        for (final int b : rows) {
            final double g = OnnxStepKernels.ENGINE.equals(engineName) ? gemmOrt(b, d) : gemmTorch(b, d);
            out.put("B=" + b + "_gflops", g);
            peak = Math.max(peak, g);
        }
        out.put("peak_gflops", peak);
        return out;
    }

    private double gemmTorch(final int b, final int d) {
        try (NDManager m = manager.newSubManager(device)) {
            final NDArray x = m.randomNormal(new Shape(b, d));
            final NDArray w = m.randomNormal(new Shape(d, d));
            x.matMul(w).toFloatArray();
            int reps = 0;
            final long t0 = System.nanoTime();
            long now;
            do {
                try (NDManager s = m.newSubManager()) {
                    final NDArray y = x.matMul(w);
                    y.attach(s);
                    y.toFloatArray();
                }
                reps++;
                now = System.nanoTime();
            } while (now - t0 < 300_000_000L || reps < 3);
            return 2.0 * b * d * d * reps / ((now - t0) / 1e9) / 1e9;
        }
    }

    private double gemmOrt(final int b, final int d) {
        final OnnxGraph g = new OnnxGraph("gemm");
        final String x = g.input("x", OnnxGraph.FLOAT, "rows", (long) d);
        final float[] w = new float[d * d];
        final Random r = new Random(1);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        g.output(g.matMul(x, g.constant(w, d, d)), "y", OnnxGraph.FLOAT, "rows", (long) d);
        try (Model model = Model.newInstance("gemm", device, OnnxStepKernels.ENGINE)) {
            model.load(new ByteArrayInputStream(g.toModel("egostream")), options.ortDevice() == null ? Map.of()
                    : Map.of("ortDevice", options.ortDevice()));
            try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator());
                    NDManager m = model.getNDManager().newSubManager()) {
                final float[] in = new float[b * d];
                for (int i = 0; i < in.length; i++) {
                    in[i] = (float) r.nextGaussian();
                }
                final NDList list = new NDList(m.create(in, new Shape(b, d)));
                p.predict(list).close();
                int reps = 0;
                final long t0 = System.nanoTime();
                long now;
                do {
                    p.predict(list).close();
                    reps++;
                    now = System.nanoTime();
                } while (now - t0 < 300_000_000L || reps < 3);
                return 2.0 * b * d * d * reps / ((now - t0) / 1e9) / 1e9;
            }
        } catch (Exception e) {
            throw new IllegalStateException("GEMM benchmark on " + OnnxStepKernels.ENGINE + " failed: " + e.getMessage(), e);
        }
    }
}
