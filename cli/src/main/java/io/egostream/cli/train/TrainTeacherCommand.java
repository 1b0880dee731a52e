package io.egostream.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.training.data.DataException;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.task.ActionSequenceTeacher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream train teacher --data DIR --out FILE [--kind markov|text]}: writes the teacher logits of the
 * action-sequence teacher ({@link ActionSequenceTeacher}, fitted on the training split) or of the text-derived
 * teacher ({@link TextTeacherOptions}) for every AR action and LTA future step of a split, the file
 * {@code --distill-teacher} reads.
 */
@Command(
        name = "teacher",
        mixinStandardHelpOptions = true,
        description = "Write action-sequence teacher logits (for --distill-teacher) for the AR and LTA samples of a split.")
public final class TrainTeacherCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Ego4D-format data directory.")
    private Path data;

    @Option(names = "--split", paramLabel = "NAME", defaultValue = "train",
            description = "Split whose samples get logits (default: ${DEFAULT-VALUE}).")
    private String split;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSON file to write.")
    private Path out;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "20",
            description = "Classes written per distribution, as [class, logit] pairs (default: ${DEFAULT-VALUE}); the"
                    + " distillation's --distill-top-k must not exceed it.")
    private int topK;

    @Option(names = "--kind", paramLabel = "markov|text", defaultValue = "markov",
            description = "markov: the verb/noun Markov chain of the training clips; text: the text-derived teacher"
                    + " (observed actions written as text, embedded with all-MiniLM-L6-v2, a head predicting the next"
                    + " actions) (default: ${DEFAULT-VALUE}).")
    private String kind;

    @CommandLine.Mixin
    private TextTeacherOptions text;

    @Override
    public Integer call() throws IOException {
        if (topK < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top-k must be >= 1, got " + topK);
        }
        if ("text".equals(kind)) {
            return text.run(spec, data, split, out, topK);
        }
        if (!"markov".equals(kind)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kind must be markov or text, got '"
                    + kind + "'");
        }
        try {
            final Ego4dDataDir dir = new Ego4dDataDir(data);
            final Ego4dDataset train = Ego4dDataset.load(dir, "train", FeatureGrid.EGOVLP);
            final Ego4dDataset target = "train".equals(split) ? train : Ego4dDataset.load(dir, split, FeatureGrid.EGOVLP);
            final Map<String, Map<String, float[]>> logits = ActionSequenceTeacher.fit(train).logits(target, topK);
            final Map<String, Map<String, List<List<Number>>>> sparse = new LinkedHashMap<>();
            logits.forEach((uid, d) -> sparse.put(uid, Map.of("verb", pairs(d.get("verb")), "noun", pairs(d.get("noun")))));
            new ObjectMapper().writeValue(out.toFile(), sparse);
            spec.commandLine().getOut().println("wrote teacher logits of " + logits.size() + " samples to " + out);
            return 0;
        } catch (DataException e) {
            spec.commandLine().getErr().println("egostream train teacher: " + e.getMessage());
            return 1;
        }
    }

    /** The finite logits as {@code [class, logit]} pairs. */
    private static List<List<Number>> pairs(final float[] logits) {
        final List<List<Number>> out = new ArrayList<>();
        for (int c = 0; c < logits.length; c++) {
            if (Float.isFinite(logits[c])) {
                out.add(List.of(c, logits[c]));
            }
        }
        return out;
    }
}
