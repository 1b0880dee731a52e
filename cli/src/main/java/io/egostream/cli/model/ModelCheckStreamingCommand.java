package io.egostream.cli.model;

import ai.djl.ndarray.NDManager;
import io.egostream.model.incremental.ComputeDevice;
import io.egostream.model.incremental.IncrementalEvaluator;
import io.egostream.model.incremental.NdStepKernels;
import io.egostream.model.incremental.OnnxStepKernels;
import io.egostream.model.incremental.StepKernels;
import io.egostream.model.incremental.StreamingCheck;
import io.egostream.model.incremental.StreamingSettings;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.schedule.NodeTiming;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream model check-streaming [--preset NAME | --model DIR] [--frames N] [--cameras C] [--seed S]
 * [--depth D] [--engine pytorch|onnxruntime] [--mq-context-seconds W]}: streams random frames of C cameras through the incremental evaluator
 * (batched, in random bursts, then closed) and compares every backbone node, windowed head output and MQ
 * output with the offline forward of each whole stream. Prints
 * {@code {"max_abs_diff": x, "frames": N, "cameras": C, ...}}; exit code 0 iff the difference is at most
 * 1e-4 and no output is missing or repeated. With a preset the weights are random (seeded); with a model
 * directory they are the model's.
 */
@Command(
        name = "check-streaming",
        mixinStandardHelpOptions = true,
        description = "Check that the incremental (streaming) evaluator equals the offline forward (exit 0 iff max "
                + "abs diff <= 1e-4).")
public final class ModelCheckStreamingCommand implements Callable<Integer> {

    /** The largest difference the check accepts. */
    public static final double TOLERANCE = 1e-4;

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true)
    private Source source;

    static final class Source {
        @Option(names = "--preset", paramLabel = "NAME", description = "A preset with random weights: reference or "
                + "small (default: small).")
        String preset;

        @Option(names = "--model", paramLabel = "DIR", description = "An EgoStream model directory.")
        Path model;
    }

    @Option(names = "--frames", paramLabel = "N", defaultValue = "200",
            description = "Frames of the longest camera (default: ${DEFAULT-VALUE}).")
    private int frames;

    @Option(names = "--cameras", paramLabel = "C", defaultValue = "3",
            description = "Cameras stepped together; camera c sends N - c*N/(2C) frames (default: ${DEFAULT-VALUE}).")
    private int cameras;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--depth", paramLabel = "D", description = "Use only the first D backbone levels (default: all).")
    private Integer depth;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "pytorch",
            description = "Engine of the evaluator's step functions: pytorch, or onnxruntime (exported to ONNX) "
                    + "(default: ${DEFAULT-VALUE}); the offline forward runs on PyTorch.")
    private String engine;

    @Option(names = "--mq-context-seconds", paramLabel = "W", defaultValue = "480",
            description = "W of the MQ trailing context rule, seconds (default: ${DEFAULT-VALUE}).")
    private double mqContextSeconds;

    @Override
    public Integer call() {
        if (frames < 1 || frames > 1_000_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--frames must be in [1, 1000000], got "
                    + frames);
        }
        if (cameras < 1 || cameras > 4096) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cameras must be in [1, 4096], got "
                    + cameras);
        }
        if (!(mqContextSeconds > 0) || Double.isInfinite(mqContextSeconds)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--mq-context-seconds must be a positive number, got " + mqContextSeconds);
        }
        if (!"pytorch".equals(engine) && !"onnxruntime".equals(engine)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine must be pytorch or onnxruntime, got '"
                    + engine + "'");
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            final HierEgoPackWeights weights;
            HierEgoPackModel model = null;
            if (source != null && source.model != null) {
                try {
                    model = ModelDirectory.load(source.model, manager);
                } catch (ModelFormatException e) {
                    return JsonOutput.failure(spec, e.getMessage());
                }
                weights = model.weights();
                out.put("model_id", model.id());
            } else {
                final String name = source == null || source.preset == null ? HierEgoPackConfig.SMALL : source.preset;
                final HierEgoPackConfig preset;
                try {
                    preset = HierEgoPackConfig.preset(name);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--preset: " + e.getMessage());
                }
                weights = HierEgoPackWeights.initialise(preset, manager, seed);
                StreamingCheck.perturb(weights, seed + 1, 0.05f);
                out.put("preset", name);
            }
            HierEgoPackConfig config = weights.config().withHeads(weights.config().heads(), null);
            if (depth != null) {
                if (depth < 1 || depth > config.depth()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--depth must be in [1, "
                            + config.depth() + "], got " + depth);
                }
                config = config.withDepth(depth);
            }
            final HierEgoPackWeights used = depth == null || depth == weights.config().depth() ? weights
                    : StreamingCheck.subset(weights, config, manager);
            final StreamingSettings settings = StreamingSettings.defaults(NodeTiming.ego4d())
                    .withWindows(StreamingSettings.defaults(NodeTiming.ego4d()).windows(), mqContextSeconds)
                    .withEmitNodes(true);
            final StepKernels kernels = "onnxruntime".equals(engine)
                    ? new OnnxStepKernels(used, ComputeDevice.CPU.resolve(OnnxStepKernels.ENGINE), null,
                            2 * settings.timing().neighbourOffsets(config.edgeRadius()))
                    : new NdStepKernels(used);
            out.put("engine", engine);
            try (IncrementalEvaluator ev = new IncrementalEvaluator(config, kernels, settings)) {
                final StreamingCheck.Report r = StreamingCheck.run(ev, used, frames, cameras, seed);
                out.put("max_abs_diff", r.maxAbsDiff());
                out.put("frames", r.frames());
                out.put("cameras", r.cameras());
                out.put("depth", config.depth());
                out.put("receptive_field_frames", r.receptiveFieldFrames());
                out.put("nodes", r.nodes());
                out.put("windows", r.windows());
                out.put("moments", r.moments());
                out.put("state_bytes_per_camera", r.stateBytes());
                out.put("worst", r.worst());
                out.put("problems", r.problems().size() > 20 ? r.problems().subList(0, 20) : r.problems());
                out.put("tolerance", TOLERANCE);
                out.put("passed", r.passed(TOLERANCE));
                JsonOutput.print(spec, out);
                return r.passed(TOLERANCE) ? 0 : 1;
            } finally {
                if (model != null) {
                    model.close();
                }
            }
        }
    }
}
