package io.egostream.cli.eval;

import io.egostream.cli.json.InputFileException;
import io.egostream.cli.json.JsonOutput;
import io.egostream.model.eval.EditDistance;
import io.egostream.model.eval.EditDistanceReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code egostream eval lta}: long-term anticipation edit distance (ED@Z, min over the K sequences) and AUED,
 * for verbs and nouns, of an Ego4D LTA submission against ground truth (see {@link LtaSequences}).
 */
@Command(
        name = "lta",
        mixinStandardHelpOptions = true,
        description = "Long-term anticipation edit distance and AUED for verbs and nouns, as JSON.")
public final class EvalLtaCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT.json",
            description = "{\"<key>\": {\"verb\": [Z], \"noun\": [Z]}} or an Ego4D fho_lta_*.json.")
    private Path gt;

    @Option(names = "--pred", required = true, paramLabel = "PRED.json",
            description = "Ego4D LTA submission: {\"<key>\": {\"verb\": [[Z] x K], \"noun\": [[Z] x K]}}.")
    private Path pred;

    @Option(names = "--z", paramLabel = "Z", defaultValue = "20",
            description = "Future actions per sample, for an Ego4D fho_lta ground truth (default: ${DEFAULT-VALUE}).")
    private int z;

    @Option(names = "--inputs", paramLabel = "N", defaultValue = "2",
            description = "Observed actions per sample, for an Ego4D fho_lta ground truth (default: ${DEFAULT-VALUE}).")
    private int inputs;

    @Override
    public Integer call() {
        if (z < 1 || inputs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--z and --inputs must be >= 1, got "
                    + z + " and " + inputs);
        }
        return CommandOutput.run(spec, () -> {
            final Map<String, LtaSequences.Truth> truth = LtaSequences.readTruth(gt, z, inputs);
            final Map<String, LtaSequences.Prediction> predictions = LtaSequences.readPredictions(pred);
            if (truth.isEmpty()) {
                return CommandOutput.fail(spec, gt + ": no samples");
            }
            final int n = truth.size();
            final int[][] verbTruth = new int[n][];
            final int[][] nounTruth = new int[n][];
            final int[][][] verbPred = new int[n][][];
            final int[][][] nounPred = new int[n][][];
            int i = 0;
            for (final Map.Entry<String, LtaSequences.Truth> e : truth.entrySet()) {
                final LtaSequences.Prediction p = predictions.get(e.getKey());
                if (p == null) {
                    throw new InputFileException(pred + ": no prediction for sample \"" + e.getKey() + "\" of " + gt);
                }
                verbTruth[i] = e.getValue().verbs();
                nounTruth[i] = e.getValue().nouns();
                verbPred[i] = p.verbs();
                nounPred[i] = p.nouns();
                i++;
            }
            final Map<String, Object> out = new LinkedHashMap<>();
            try {
                out.put("verb", toJson(EditDistance.evaluate(verbPred, verbTruth)));
                out.put("noun", toJson(EditDistance.evaluate(nounPred, nounTruth)));
            } catch (IllegalArgumentException e) {
                throw new InputFileException(pred + ": " + e.getMessage());
            }
            out.put("n", n);
            out.put("z", verbTruth[0].length);
            out.put("extra_predictions", predictions.keySet().stream().filter(k -> !truth.containsKey(k)).count());
            return CommandOutput.print(spec, out);
        });
    }

    private static Map<String, Object> toJson(final EditDistanceReport r) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("ed", r.editDistance());
        out.put("aued", JsonOutput.number(r.aued()));
        out.put("ed_at", JsonOutput.numbers(r.atLength()));
        return out;
    }
}
