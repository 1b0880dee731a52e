package io.egostream.cli.model;

import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import io.egostream.model.nn.HierEgoPackConfigJson;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.MqContext;
import io.egostream.model.nn.MqDecodeSettings;
import io.egostream.model.nn.ReferenceCaseRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream model forward --model MODEL_DIR --input IN.npz --out OUT.npz --tasks ar,oscc,lta,mq
 * [--egopack] [--backbone-levels N]}: the offline forward on every case of IN.npz, with the input and output
 * naming of the shared reference vectors (see {@link ReferenceCaseRunner}).
 */
@Command(
        name = "forward",
        mixinStandardHelpOptions = true,
        description = "Run the offline forward on every case of an .npz of clips and write the outputs as .npz.")
public final class ModelForwardCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "An EgoStream model directory.")
    private Path model;

    @Option(names = "--input", required = true, paramLabel = "IN.npz",
            description = "Cases <case>.x [N,1,Din] or [N,Din], <case>.pos, .indices, .mask, .batch, and "
                    + ".ar_segments(_batch) / .oscc_segments(_batch) where the tasks need them.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "OUT.npz", description = "Output file (replaced).")
    private Path out;

    @Option(names = "--tasks", required = true, split = ",", paramLabel = "TASK",
            description = "Heads to run: ar, oscc, pnr, lta, mq (comma separated). With --egopack exactly one.")
    private List<String> tasks;

    @Option(names = "--egopack", description = "Run EgoPack with the one given task as main task.")
    private boolean egoPack;

    @Option(names = "--backbone-levels", paramLabel = "N", defaultValue = "0",
            description = "Backbone levels to run (1 = first level only, the reference EgoPack-PNR setting; "
                    + "default: all, or 1 for EgoPack with PNR as main task).")
    private int backboneLevels;

    @Option(names = "--mq-context", paramLabel = "RULE", defaultValue = "clip",
            description = "MQ context mean: clip (reference) or trailing:W (W seconds, the streaming rule).")
    private String mqContext;

    @Option(names = "--egopack-segments", paramLabel = "FIELD",
            description = "Input field the EgoPack AR/OSCC main head reads segments from "
                    + "(default: ar_segments for AR, oscc_segments for OSCC).")
    private String egoPackSegments;

    @Override
    public Integer call() {
        final ReferenceCaseRunner.Options options = options();
        final Map<String, NpyArray> inputs;
        try {
            inputs = NpzFile.read(input);
        } catch (IOException e) {
            return JsonOutput.failure(spec, e.getMessage());
        }
        final List<String> cases = ReferenceCaseRunner.cases(inputs);
        if (cases.isEmpty()) {
            return JsonOutput.failure(spec, input + ": no case (no '<case>.x' array)");
        }
        final Map<String, NpyArray> outputs = new LinkedHashMap<>();
        final Map<String, Object> skipped = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager();
                HierEgoPackModel m = ModelDirectory.load(model, manager)) {
            if (backboneLevels > m.config().depth()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--backbone-levels must be in [1, "
                        + m.config().depth() + "] for this model, got " + backboneLevels);
            }
            final ReferenceCaseRunner runner = new ReferenceCaseRunner(m.weights());
            for (final String c : cases) {
                final List<Task> skip = ReferenceCaseRunner.skippedTasks(inputs, c, options);
                if (!skip.isEmpty()) {
                    skipped.put(c, skip.stream().map(ReferenceCaseRunner::shortName).toList());
                }
                try (NDManager call = manager.newSubManager()) {
                    outputs.putAll(runner.run(inputs, c, options, call));
                }
            }
            NpzFile.write(out, outputs);
        } catch (ModelFormatException | IOException e) {
            return JsonOutput.failure(spec, e.getMessage());
        } catch (IllegalArgumentException e) {
            return JsonOutput.failure(spec, e.getMessage());
        }
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("cases", cases);
        result.put("arrays", outputs.size());
        result.put("skipped_for_missing_segments", skipped);
        result.put("out", out.toString());
        JsonOutput.print(spec, result);
        return 0;
    }

    private ReferenceCaseRunner.Options options() {
        final Set<Task> set = EnumSet.noneOf(Task.class);
        try {
            for (final String t : tasks) {
                set.add(HierEgoPackConfigJson.task(t.strip(), "--tasks"));
            }
            if (backboneLevels < 0) {
                throw new IllegalArgumentException("--backbone-levels must be >= 1, got " + backboneLevels);
            }
            return new ReferenceCaseRunner.Options(set, egoPack, backboneLevels, MqContext.parse(mqContext),
                    egoPackSegments, MqDecodeSettings.reference());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
