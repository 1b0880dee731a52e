package io.egostream.cli.language;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.egostream.model.nn.openvocab.OpenVocabularyModelDirectory;
import io.egostream.model.nn.openvocab.PromptTemplate;
import io.egostream.text.TextEncoder;
import io.egostream.text.TextEncoderException;
import io.egostream.training.data.DataException;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.language.ActionExamples;
import io.egostream.training.language.ActionExamplesReader;
import io.egostream.training.language.LabelTarget;
import io.egostream.training.language.OpenVocabExperiment;
import io.egostream.training.language.TrainingBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream train open-vocab --data DIR [--cross-data DIR] [--target verb|noun] [--out DIR]}: trains the
 * closed-set, text-only zero-shot and X-MIC heads on the base classes of the training split at the same
 * budget, evaluates them on the val and test videos (base and held-out classes) and on another dataset's
 * vocabulary, prints the report as JSON and writes the X-MIC head as an open-vocabulary model directory.
 */
@Command(
        name = "open-vocab",
        mixinStandardHelpOptions = true,
        description = {"Train and compare open-vocabulary AR heads (closed-set, text-only zero-shot, X-MIC) on a"
                + " benchmark; print top-1/top-5 on held-out classes and another dataset's vocabulary as JSON."})
public final class TrainOpenVocabCommand implements Callable<Integer> {

    private static final List<String> HELD_OUT_SPLITS = List.of("val", "test");
    private static final List<String> ALL_SPLITS = List.of("train", "val", "test");

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Ego4D-format data directory (e.g. egostream benchmark generate --prototypes text).")
    private Path data;

    @Option(names = "--cross-data", paramLabel = "DIR",
            description = "Another dataset with its own vocabulary (all its splits are evaluated, none trained on).")
    private Path crossData;

    @Option(names = "--cross-name", paramLabel = "NAME",
            description = "Name of the --cross-data set in the report (default: its folder name).")
    private String crossName;

    @Option(names = "--target", paramLabel = "verb|noun", defaultValue = "verb",
            description = "What the labels name (default: ${DEFAULT-VALUE}).")
    private String target;

    @Option(names = "--prompt", paramLabel = "TEMPLATE",
            description = "Prompt template with {} for the class name (default: the target's, e.g."
                    + " 'a person is going to {}').")
    private String prompt;

    @Option(names = "--epochs", defaultValue = "30", description = "Epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", defaultValue = "256", description = "Batch size (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--weight-decay", defaultValue = "1e-4", description = "Weight decay (default: ${DEFAULT-VALUE}).")
    private double weightDecay;

    @Option(names = "--warmup-epochs", defaultValue = "2", description = "Warm-up epochs (default: ${DEFAULT-VALUE}).")
    private int warmupEpochs;

    @Option(names = "--adapter-hidden", defaultValue = "256",
            description = "Hidden width of the X-MIC adapter (default: ${DEFAULT-VALUE}).")
    private int adapterHidden;

    @Option(names = "--holdout-every", defaultValue = "4",
            description = "Hold out one class in every N by frequency rank (default: ${DEFAULT-VALUE}).")
    private int holdoutEvery;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the X-MIC head here (open-vocabulary model).")
    private Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    private Path report;

    @Override
    public Integer call() throws IOException {
        final OpenVocabExperiment.Settings settings;
        try {
            final LabelTarget t = LabelTarget.ofOptionValue(target);
            settings = new OpenVocabExperiment.Settings(t, prompt == null ? t.prompt() : new PromptTemplate(prompt),
                    adapterHidden, 0.07, holdoutEvery,
                    new TrainingBudget(epochs, batchSize, learningRate, weightDecay, warmupEpochs, seed));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        final OpenVocabExperiment.Outcome outcome;
        try (TextEncoder encoder = TextEncoder.openDefault()) {
            final ActionExamples train = read(data, List.of("train"));
            final ActionExamples heldOut = read(data, HELD_OUT_SPLITS);
            final ActionExamples cross = crossData == null ? null : read(crossData, ALL_SPLITS);
            final String name = crossName != null ? crossName
                    : crossData == null ? null : crossData.toAbsolutePath().normalize().getFileName().toString();
            outcome = OpenVocabExperiment.run(train, heldOut, name, cross, encoder::embed, settings,
                    line -> spec.commandLine().getErr().println("open-vocab: " + line));
        } catch (DataException | IllegalArgumentException | TextEncoderException | UncheckedIOException e) {
            spec.commandLine().getErr().println("egostream train open-vocab: " + e.getMessage());
            return 1;
        }
        final String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(outcome.report());
        if (report != null) {
            Files.writeString(report, json + "\n");
        }
        if (out != null) {
            try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
                OpenVocabularyModelDirectory.write(out, outcome.xmic().toModel(manager,
                        "open-vocab-" + settings.target().optionValue(), "all-MiniLM-L6-v2", settings.target(),
                        outcome.trainedLabels()));
            }
            spec.commandLine().getErr().println("open-vocab: wrote the X-MIC head to " + out);
        }
        spec.commandLine().getOut().println(json);
        return 0;
    }

    private static ActionExamples read(final Path dir, final List<String> splits) {
        return ActionExamplesReader.read(new Ego4dDataDir(dir), splits, FeatureGrid.EGOVLP);
    }
}
