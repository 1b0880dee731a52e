package io.egostream.cli.eval;

import io.egostream.cli.json.InputFileException;
import io.egostream.cli.json.JsonOutput;
import io.egostream.cli.json.JsonSource;
import io.egostream.model.eval.ClassificationMetrics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream eval ar}: action-recognition top-k accuracy (micro) and macro mAP per classifier head.
 * Input: {@code {"verb": {"logits": [[C scores] x N], "labels": [N class ids]}, "noun": {...}}}; any head names.
 */
@Command(
        name = "ar",
        mixinStandardHelpOptions = true,
        description = "Action recognition: top-k accuracy and macro mAP per head (verb, noun, ...), as JSON.")
public final class EvalArCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "AR.json",
            description = "{\"<head>\": {\"logits\": [[...]], \"labels\": [...]}, ...}")
    private Path in;

    @Option(names = "--topk", paramLabel = "K,...", split = ",", defaultValue = "1,2,3,5",
            description = "k values of top-k accuracy (default: ${DEFAULT-VALUE}).")
    private List<Integer> topK;

    @Option(names = "--ignore-label", paramLabel = "L", defaultValue = "-1",
            description = "Label of samples to skip (default: ${DEFAULT-VALUE}).")
    private int ignoreLabel;

    @Override
    public Integer call() {
        for (final int k : topK) {
            if (k < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--topk values must be >= 1, got " + k);
            }
        }
        return CommandOutput.run(spec, () -> {
            final Map<String, Object> out = new LinkedHashMap<>();
            try (JsonSource src = JsonSource.open(in)) {
                src.beginObject("head name -> {\"logits\", \"labels\"}");
                for (String head = src.nextField(); head != null; head = src.nextField()) {
                    out.put(head, evaluateHead(src, head));
                }
            }
            if (out.isEmpty()) {
                throw new InputFileException(in + ": at /: expected at least one head such as \"verb\"");
            }
            return CommandOutput.print(spec, out);
        });
    }

    private Map<String, Object> evaluateHead(final JsonSource src, final String head) throws InputFileException {
        src.beginObject("head " + head);
        final String at = src.pointer();
        double[][] logits = null;
        int[] labels = null;
        for (String field = src.nextField(); field != null; field = src.nextField()) {
            if ("logits".equals(field)) {
                logits = src.readNumberRows("the logits [N][C]");
            } else if ("labels".equals(field)) {
                labels = src.readInts("the labels [N]");
            } else {
                src.skipValue();
            }
        }
        if (logits == null || labels == null) {
            throw src.errorAt(at, "missing " + (logits == null ? "\"logits\" ([N][C] numbers)" : "\"labels\" ([N] integers)"));
        }
        final Map<String, Object> r = new LinkedHashMap<>();
        try {
            final int classes = logits.length == 0 ? 0 : logits[0].length;
            for (final int k : topK) {
                r.put("top" + k, k > classes ? null
                        : ClassificationMetrics.topKAccuracy(logits, labels, k, ignoreLabel));
            }
            final double[] ap = ClassificationMetrics.averagePrecisionPerClass(logits, labels, ignoreLabel);
            r.put("mAP", JsonOutput.number(ClassificationMetrics.macroAveragePrecision(logits, labels, ignoreLabel)));
            int labelled = 0;
            for (final int y : labels) {
                labelled += y == ignoreLabel ? 0 : 1;
            }
            int withPositives = 0;
            for (final double v : ap) {
                withPositives += Double.isNaN(v) ? 0 : 1;
            }
            r.put("n", labelled);
            r.put("classes", classes);
            r.put("classes_with_positives", withPositives);
        } catch (IllegalArgumentException e) {
            throw new InputFileException(in + ": at " + at + ": " + e.getMessage());
        }
        return r;
    }
}
