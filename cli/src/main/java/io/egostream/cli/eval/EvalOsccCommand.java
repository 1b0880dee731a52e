package io.egostream.cli.eval;

import io.egostream.cli.json.InputFileException;
import io.egostream.cli.json.JsonSource;
import io.egostream.model.eval.OsccAccuracy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream eval oscc}: object state-change accuracy, skipping unlabelled samples (Hier-EgoPack) and
 * counting all (Ego4D baseline). Input: {@code {"logits": [[no change, change] x N], "labels": [N of -1, 0, 1]}}.
 */
@Command(
        name = "oscc",
        mixinStandardHelpOptions = true,
        description = "Object state-change classification accuracy (both reference variants), as JSON.")
public final class EvalOsccCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "OSCC.json",
            description = "{\"logits\": [[l0, l1], ...], \"labels\": [0, 1, -1, ...]}")
    private Path in;

    @Override
    public Integer call() {
        return CommandOutput.run(spec, () -> {
            double[][] logits = null;
            int[] labels = null;
            try (JsonSource src = JsonSource.open(in)) {
                src.beginObject("{\"logits\", \"labels\"}");
                for (String field = src.nextField(); field != null; field = src.nextField()) {
                    if ("logits".equals(field)) {
                        logits = src.readNumberRows("the logits [N][2]");
                    } else if ("labels".equals(field)) {
                        labels = src.readInts("the labels [N]");
                    } else {
                        src.skipValue();
                    }
                }
            }
            if (logits == null || labels == null) {
                throw new InputFileException(in + ": at /: missing "
                        + (logits == null ? "\"logits\" ([N][2] numbers)" : "\"labels\" ([N] of -1, 0, 1)"));
            }
            final Map<String, Object> out = new LinkedHashMap<>();
            try {
                out.put("accuracy", OsccAccuracy.ignoringUnlabelled(logits, labels));
                out.put("accuracy_all", OsccAccuracy.countingAll(logits, labels));
            } catch (IllegalArgumentException e) {
                throw new InputFileException(in + ": " + e.getMessage());
            }
            int labelled = 0;
            for (final int y : labels) {
                labelled += y == -1 ? 0 : 1;
            }
            out.put("n", labels.length);
            out.put("n_labelled", labelled);
            return CommandOutput.print(spec, out);
        });
    }
}
