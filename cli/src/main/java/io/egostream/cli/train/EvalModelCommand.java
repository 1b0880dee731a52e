package io.egostream.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.egostream.model.nms.NmsPreset;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.training.data.DataException;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.eval.EvalSettings;
import io.egostream.training.eval.EvaluationReport;
import io.egostream.training.eval.EvaluationResult;
import io.egostream.training.eval.ModelEvaluator;
import io.egostream.training.eval.TaskScores;
import io.egostream.training.run.EpochRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream eval model --model DIR --data DIR [--split val] [--report DIR]} (a subcommand of
 * {@code egostream eval}): scores every head of a
 * model directory on one split with the reference post-processing and metrics, prints
 * {@code {"model": id, "split": s, "tasks": {task: {samples, metrics, chance}}}} as JSON and writes a
 * Markdown report with PNG plots.
 */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Score a model directory on a split of Ego4D-format data; JSON metrics + Markdown/PNG report.")
public final class EvalModelCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory.")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Ego4D-format data directory.")
    private Path data;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "val",
            description = "Split to score: train, val or test (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Where to write report.md and its plots (default: MODEL/../report-SPLIT).")
    private Path report;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Training history for the loss curves (default: MODEL/../history.json when present).")
    private Path history;

    @Option(names = "--max-samples", paramLabel = "N", defaultValue = "0",
            description = "Most samples per task, 0 = all (default: ${DEFAULT-VALUE}).")
    private int maxSamples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the LTA sampling and the chance levels (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--mq-context", paramLabel = "RULE", defaultValue = "clip",
            description = "MQ classifier context: clip or trailing:W (default: ${DEFAULT-VALUE}).")
    private String mqContext;

    @Option(names = "--streaming-mq",
            description = "Also score MQ through the analyzer's streaming path (incremental evaluator with the "
                    + "trailing:W context, W from --mq-context or 480 s; per-node decoding; windowed NMS) as task "
                    + "mq_streaming.")
    private boolean streamingMq;

    @Option(names = "--nms-window-seconds", paramLabel = "S", defaultValue = "60",
            description = "Windowed NMS window of --streaming-mq, as nms.window-seconds (default: ${DEFAULT-VALUE}).")
    private double nmsWindowSeconds;

    @Option(names = "--classes-per-node", paramLabel = "N", defaultValue = "20",
            description = "Classes decoded per MQ node on the --streaming-mq path, as nms.classes-per-node "
                    + "(default: ${DEFAULT-VALUE}).")
    private int classesPerNode;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Override
    public Integer call() throws IOException {
        if (!Ego4dDataDir.SPLITS.contains(split)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split must be one of "
                    + Ego4dDataDir.SPLITS + ", got '" + split + "'");
        }
        if (maxSamples < 0 || threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-samples must be >= 0 and --threads >= 1");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        final EvalSettings settings;
        try {
            settings = new EvalSettings(split, seed, 5, mqContext, NmsPreset.HIER_EGOPACK, 8, maxSamples,
                    streamingMq, nmsWindowSeconds, classesPerNode);
            io.egostream.model.nn.MqContext.parse(mqContext);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        final EvaluationResult result;
        try {
            final Ego4dDataDir dir = new Ego4dDataDir(data);
            final Ego4dDataset eval = Ego4dDataset.load(dir, split, FeatureGrid.EGOVLP);
            final Ego4dDataset train = "train".equals(split) || !Files.isRegularFile(dir.lta("train")) ? null
                    : Ego4dDataset.load(dir, "train", FeatureGrid.EGOVLP);
            try (HierEgoPackModel m = ModelDirectory.load(model, ai.djl.ndarray.NDManager.newBaseManager())) {
                final ModelEvaluator evaluator = new ModelEvaluator(m, eval, train, settings);
                final int total = evaluator.tasks().stream().mapToInt(evaluator::batches).sum();
                try (ProgressBar bar = Progress.bar("eval", total, spec)) {
                    result = evaluator.evaluate(bar::stepBy);
                }
            }
        } catch (DataException | ModelFormatException e) {
            spec.commandLine().getErr().println("egostream eval model: " + e.getMessage());
            return 1;
        }
        final Path reportDir = report != null ? report
                : model.toAbsolutePath().normalize().getParent().resolve("report-" + split);
        final Path historyFile = history != null ? history
                : model.toAbsolutePath().normalize().getParent().resolve("history.json");
        final List<EpochRecord> epochs = Files.isRegularFile(historyFile)
                ? List.of(new ObjectMapper().readValue(historyFile.toFile(), EpochRecord[].class)) : List.of();
        final Path md = EvaluationReport.write(reportDir, result, epochs, data.toString());
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", result.modelId());
        json.put("split", split);
        final Map<String, Object> tasks = new LinkedHashMap<>();
        for (final TaskScores s : result.scores()) {
            tasks.put(s.task(), s.toJson());
        }
        json.put("tasks", tasks);
        json.put("report", md.toAbsolutePath().normalize().toString());
        spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json));
        return 0;
    }
}
