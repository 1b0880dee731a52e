package io.egostream.cli.bench;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.egostream.model.incremental.ComputeDevice;
import io.egostream.model.nn.HierEgoPackConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream bench model}: measures, in one run, the incremental evaluator's frames/s at several camera
 * batch sizes for each preset (random weights, every head), the same backbone + MQ work done as a
 * sliding-window recompute (a 1024-node window every 16 frames), the engine's GEMM peak for
 * {@code [B x 768] x [768 x 768]}, achieved GFLOP/s as a fraction of that peak, and the cost per frame after
 * two stream lengths. Prints JSON. Not a test: nothing is asserted.
 */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Benchmark the incremental evaluator (frames/s per batch, vs sliding-window recompute, GEMM peak).")
public final class BenchModelCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--configs", split = ",", defaultValue = "reference,small", paramLabel = "NAME[,NAME]",
            description = "Presets to measure (default: ${DEFAULT-VALUE}).")
    private List<String> configs;

    @Option(names = "--batches", split = ",", defaultValue = "1,16,64,256", paramLabel = "B[,B]",
            description = "Cameras stepped together (default: ${DEFAULT-VALUE}).")
    private List<Integer> batches;

    @Option(names = "--baseline-batches", split = ",", defaultValue = "1,16", paramLabel = "B[,B]",
            description = "Batch sizes of the sliding-window comparison (default: ${DEFAULT-VALUE}).")
    private List<Integer> baselineBatches;

    @Option(names = "--warmup-frames", defaultValue = "48", paramLabel = "N",
            description = "Frames per camera before measuring (default: ${DEFAULT-VALUE}).")
    private int warmupFrames;

    @Option(names = "--frames", defaultValue = "16", paramLabel = "N",
            description = "Measured frames per camera (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--stream-lengths", split = ",", defaultValue = "2048,4096", paramLabel = "N[,N]",
            description = "Stream lengths after which the cost per frame is measured at batch 1 (default: "
                    + "${DEFAULT-VALUE}).")
    private List<Integer> streamLengths;

    @Option(names = "--engine", defaultValue = "pytorch", paramLabel = "ENGINE",
            description = "pytorch or onnxruntime (the exported step functions) (default: ${DEFAULT-VALUE}).")
    private String engine;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEVICE",
            description = "cpu, gpu or auto (default: ${DEFAULT-VALUE}).")
    private String device;

    @Option(names = "--ort-device", paramLabel = "NAME",
            description = "OnnxRuntime execution provider on a GPU, e.g. TensorRT (default: CUDA on a GPU).")
    private String ortDevice;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}: on a busy 2-core machine a second "
                    + "spinning thread makes small kernels 10x slower).")
    private int threads;

    @Override
    public Integer call() {
        if (warmupFrames < 1 || frames < 1 || streamLengths.stream().anyMatch(n -> n < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup-frames, --frames and"
                    + " --stream-lengths must be at least 1, got " + warmupFrames + ", " + frames + ", " + streamLengths);
        }
        for (final String c : configs) {
            if (!HierEgoPackConfig.presetNames().contains(c)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--configs: unknown preset '" + c
                        + "' (known: " + HierEgoPackConfig.presetNames() + ")");
            }
        }
        for (final int b : batches) {
            if (b < 1 || b > 4096) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batches must be in [1, 4096], got " + b);
            }
        }
        if (!"pytorch".equals(engine) && !"onnxruntime".equals(engine)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine must be pytorch or onnxruntime, got '"
                    + engine + "'");
        }
        final ComputeDevice dev;
        try {
            dev = ComputeDevice.parse(device);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--device: " + e.getMessage());
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        final Map<String, Object> result;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            result = new ModelBenchmark(new ModelBenchmark.Options(configs, batches, warmupFrames, frames, streamLengths,
                    baselineBatches, engine, dev, ortDevice), manager).run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("egostream bench model: " + e.getMessage());
            return 1;
        }
        try {
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getMessage(), e);
        }
        return 0;
    }
}
