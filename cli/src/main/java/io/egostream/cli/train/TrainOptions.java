package io.egostream.cli.train;

import io.egostream.cli.config.ConfigOption;
import io.egostream.config.ConfigException;
import io.egostream.config.TrainingConfig;
import io.egostream.model.domain.Task;
import io.egostream.training.loss.Distillation;
import io.egostream.training.run.ModelSize;
import io.egostream.training.run.Stage;
import io.egostream.training.run.TrainingPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every {@code egostream train} stage shares (a picocli mixin). The optimisation values come
 * from the {@code training} group of the configuration ({@code --config FILE}, environment overrides);
 * {@code --epochs} and {@code --seed} override it.
 */
public final class TrainOptions {

    @Mixin ConfigOption config;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Ego4D-format data directory (annotations/ + features/), e.g. a benchmark.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (new or empty): checkpoints, history, model/.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its newest checkpoint (same options as the first call).")
    Path resume;

    @Option(names = "--size", paramLabel = "NAME", defaultValue = "tiny",
            description = "Network widths: tiny, compact or reference (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: training.epochs).")
    Integer epochs;

    @Option(names = "--warmup-epochs", paramLabel = "N", description = "Warm-up epochs (default: training.warmup-epochs).")
    Integer warmupEpochs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: training.seed).")
    Long seed;

    @Option(names = "--steps-per-epoch", paramLabel = "N", defaultValue = "0",
            description = "Cap on optimiser steps per epoch; 0 = full passes (default: ${DEFAULT-VALUE}).")
    int stepsPerEpoch;

    @Option(names = "--recipe", paramLabel = "NAME", defaultValue = "paper",
            description = "paper: per-task learning rate, decay and batch overrides of the reference; uniform: the"
                    + " base values for every task (default: ${DEFAULT-VALUE}).")
    String recipe;

    @Option(names = "--mq-context", paramLabel = "RULE", defaultValue = "clip",
            description = "MQ classifier context: clip (reference) or trailing:W seconds (default: ${DEFAULT-VALUE}).")
    String mqContext;

    @Option(names = "--distill-teacher", paramLabel = "FILE",
            description = "Teacher logits JSON {uid: {verb: [...], noun: [...]}} for AR/LTA distillation.")
    Path teacher;

    @Option(names = "--distill-temperature", paramLabel = "T", defaultValue = "2.0",
            description = "Distillation temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--distill-top-k", paramLabel = "K", defaultValue = "10",
            description = "Teacher classes kept (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--distill-weight", paramLabel = "W", defaultValue = "1.0",
            description = "Weight of the distillation term (default: ${DEFAULT-VALUE}).")
    double distillWeight;

    @Option(names = "--model-id", paramLabel = "ID",
            description = "Id of the written model (default: egostream-<stage>-<tasks>).")
    String modelId;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads; 1 is fastest for these small graphs on a shared CPU"
                    + " (default: ${DEFAULT-VALUE}).")
    int threads;

    /**
     * Sets the engine's thread counts (before the engine starts), unless given as system properties.
     *
     * @param spec the command, for usage errors
     */
    void applyThreads(final CommandLine.Model.CommandSpec spec) {
        if (threads < 1 || threads > 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be in [1, 256], got " + threads);
        }
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /**
     * @param spec the command, for usage errors
     * @return the run directory
     */
    Path runDir(final CommandLine.Model.CommandSpec spec) {
        if (out == null && resume == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --out DIR (new run) or --resume DIR");
        }
        if (out != null && resume != null && !out.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out and --resume name different directories");
        }
        return resume != null ? resume : out;
    }

    /**
     * @param spec the command
     * @param stage the stage
     * @param tasks the task names
     * @return the validated plan
     */
    TrainingPlan plan(final CommandLine.Model.CommandSpec spec, final Stage stage, final List<String> tasks) {
        final TrainingConfig t;
        try {
            t = config.load(System.getenv()).training();
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            final List<Task> parsed = new ArrayList<>();
            for (final String name : tasks) {
                for (final String one : name.split(",")) {
                    parsed.add(task(one.trim()));
                }
            }
            if (!"paper".equals(recipe) && !"uniform".equals(recipe)) {
                throw new IllegalArgumentException("--recipe must be paper or uniform, got '" + recipe + "'");
            }
            final Distillation distillation = teacher == null ? null
                    : new Distillation(temperature, topK, distillWeight);
            final int e = epochs != null ? epochs : t.epochs();
            final int w = warmupEpochs != null ? warmupEpochs : Math.min(t.warmupEpochs(), e - 1);
            return new TrainingPlan(stage, parsed, ModelSize.of(size), e, w, t.batchSize(), t.learningRate(),
                    t.weightDecay(), t.gradClip(), stage == Stage.MULTI ? 0.0 : 1e-8, seed != null ? seed : t.seed(),
                    stepsPerEpoch, "paper".equals(recipe), mqContext, distillation,
                    teacher == null ? null : teacher.toAbsolutePath().normalize().toString());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Task task(final String name) {
        try {
            return Task.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown task '" + name + "' (known: ar, oscc, pnr, lta, mq)", e);
        }
    }
}
