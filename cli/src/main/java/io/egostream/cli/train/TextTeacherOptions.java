package io.egostream.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.egostream.text.TextEncoder;
import io.egostream.text.TextEncoderException;
import io.egostream.training.data.DataException;
import io.egostream.training.language.TextTeacherConfig;
import io.egostream.training.language.TextTeacherRun;
import io.egostream.training.language.TrainingBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options and the run of {@code egostream train teacher --kind text} ({@link TextTeacherRun}): prints the
 * teacher's report (next-action accuracy and ED@Z on the held-out splits, against baselines) as JSON.
 */
final class TextTeacherOptions {

    @Option(names = "--extra-data", paramLabel = "DIR",
            description = "Another dataset whose action orders (every split) also train the text teacher, e.g. the"
                    + " EGTEA Gaze+ benchmark. Repeatable.")
    private List<Path> extraData = new ArrayList<>();

    @Option(names = "--teacher-epochs", defaultValue = "4", description = "Text teacher epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--teacher-batch-size", defaultValue = "512",
            description = "Text teacher batch size (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--teacher-lr", defaultValue = "1e-3", description = "Text teacher learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--teacher-seed", defaultValue = "42", description = "Text teacher seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the text teacher's report to FILE.")
    private Path report;

    int run(final CommandLine.Model.CommandSpec spec, final Path data, final String split, final Path out,
            final int topK) throws IOException {
        final TextTeacherRun.Settings settings;
        try {
            settings = new TextTeacherRun.Settings(data, extraData, split, out, TextTeacherConfig.defaults(),
                    new TrainingBudget(epochs, batchSize, learningRate, 1e-4, Math.min(1, epochs - 1), seed), topK);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        final TextTeacherRun.Outcome outcome;
        try (TextEncoder encoder = TextEncoder.openDefault()) {
            outcome = TextTeacherRun.run(settings, encoder::embed,
                    line -> spec.commandLine().getErr().println("teacher: " + line));
        } catch (DataException | IllegalArgumentException | TextEncoderException e) {
            spec.commandLine().getErr().println("egostream train teacher: " + e.getMessage());
            return 1;
        }
        final String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(outcome.report());
        if (report != null) {
            Files.writeString(report, json + "\n");
        }
        spec.commandLine().getOut().println(json);
        spec.commandLine().getOut().println("wrote text-teacher logits of " + outcome.written() + " samples to " + out);
        return 0;
    }
}
