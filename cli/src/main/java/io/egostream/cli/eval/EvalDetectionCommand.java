package io.egostream.cli.eval;

import io.egostream.cli.json.JsonOutput;
import io.egostream.model.eval.DetectionEvalConfig;
import io.egostream.model.eval.DetectionEvaluator;
import io.egostream.model.eval.DetectionReport;
import io.egostream.model.eval.GroundTruthDedup;
import io.egostream.model.eval.GroundTruthSegment;
import io.egostream.model.eval.PredictedSegment;
import io.egostream.model.eval.RetrievalRecall;
import io.egostream.model.eval.RetrievalReport;
import io.egostream.model.eval.TieRule;
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
 * {@code egostream eval detection}: temporal-localization mAP per tIoU threshold, average mAP, AP per class,
 * Recall@kx and (with {@code --retrieval}) Ego4D retrieval recall of a results file against a ground-truth file.
 */
@Command(
        name = "detection",
        mixinStandardHelpOptions = true,
        description = "mAP, Recall@kx and (--retrieval) Ego4D retrieval recall of detections, printed as JSON.")
public final class EvalDetectionCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = "--gt", required = true, paramLabel = "GT.json",
            description = "Ground truth: ActivityNet/ActionFormer {\"database\": ...} or Ego4D moments_*.json.")
    private Path gt;

    @Option(names = "--pred", required = true, paramLabel = "PRED.json",
            description = "Detections: ActivityNet {\"results\": ...} or Ego4D MQ submission {\"detect_results\": ...}.")
    private Path pred;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "hier-egopack",
            description = "actionformer (GT de-dup), hier-egopack or ego4d (literal 0.3 threshold) "
                    + "(default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--tiou", paramLabel = "START:STOP:N|t1,t2,...",
            description = "tIoU thresholds: NumPy linspace START:STOP:N, or a list (default: the preset's).")
    private String tiou;

    @Option(names = "--dedup-gt", negatable = true,
            description = "Remove short and duplicate ground truth first (ActionFormer, tolerance 1e-3 s); "
                    + "default: the preset's.")
    private Boolean dedupGt;

    @Option(names = "--tie-rule", paramLabel = "RULE", defaultValue = "later-first",
            description = "Order of equal scores and equal tIoUs: later-first (NumPy argsort()[::-1] on small "
                    + "arrays) or earlier-first (default: ${DEFAULT-VALUE}).")
    private String tieRule;

    @Option(names = "--recall-topk", paramLabel = "K,...", split = ",", defaultValue = "1,5",
            description = "k values of Recall@kx (default: ${DEFAULT-VALUE}).")
    private List<Integer> recallTopK;

    @Option(names = "--retrieval", description = "Also compute Ego4D retrieval recall (R@1..5, tIoU 0.3/0.5/0.7).")
    private boolean retrieval;

    @Option(names = "--subset", paramLabel = "NAME",
            description = "Evaluate only ground-truth videos of this subset (e.g. test, validation, val).")
    private String subset;

    @Override
    public Integer call() {
        final DetectionEvalConfig config = config();
        return CommandOutput.run(spec, () -> {
            final GroundTruthFile truth = GroundTruthFile.read(gt, subset);
            final ResultsFile results = ResultsFile.read(pred);
            final List<PredictedSegment> predictions = ResultsFile.predictions(results.detections());
            if (truth.segments().isEmpty()) {
                return CommandOutput.fail(spec, gt + ": no ground-truth segments"
                        + (subset == null ? "" : " in subset " + subset));
            }
            final DetectionReport report = DetectionEvaluator.evaluate(truth.segments(), predictions, config);
            final Map<String, Object> out = toJson(report);
            if (retrieval) {
                final List<GroundTruthSegment> retrievalGt = config.dedupGt()
                        ? GroundTruthDedup.removeDuplicates(truth.segments()) : truth.segments();
                final List<PredictedSegment> lists = results.retrieval() == null ? predictions
                        : ResultsFile.predictions(results.retrieval());
                out.put("retrieval", toJson(RetrievalRecall.evaluate(retrievalGt, lists)));
            }
            return CommandOutput.print(spec, out);
        });
    }

    private DetectionEvalConfig config() {
        DetectionEvalConfig c;
        switch (preset) {
            case "actionformer":
                c = DetectionEvalConfig.actionFormer();
                break;
            case "hier-egopack":
                c = DetectionEvalConfig.hierEgoPack();
                break;
            case "ego4d":
                c = DetectionEvalConfig.ego4d();
                break;
            default:
                throw new CommandLine.ParameterException(spec.commandLine(), "--preset '" + preset
                        + "' is not one of actionformer, hier-egopack, ego4d");
        }
        try {
            if (tiou != null) {
                c = c.withThresholds(TiouOption.parse(tiou));
            }
            if (dedupGt != null) {
                c = c.withDedupGt(dedupGt);
            }
            return c.withTieRule(TieRule.fromId(tieRule)).withRecallTopK(recallTopK);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Map<String, Object> toJson(final DetectionReport r) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("tiou", JsonOutput.numbers(r.tiou()));
        out.put("mAP", JsonOutput.numbers(r.meanAp()));
        out.put("average_mAP", JsonOutput.number(r.averageMeanAp()));
        final Map<String, Object> perClass = new LinkedHashMap<>();
        r.apPerClass().forEach((label, ap) -> perClass.put(label, JsonOutput.numbers(ap)));
        out.put("ap_per_class", perClass);
        final Map<String, Object> recall = new LinkedHashMap<>();
        r.recall().forEach((k, values) -> recall.put(String.valueOf(k), JsonOutput.numbers(values)));
        out.put("recall", recall);
        out.put("n_gt", r.groundTruthCount());
        return out;
    }

    private static Map<String, Object> toJson(final RetrievalReport r) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("tiou", JsonOutput.numbers(r.tiou()));
        final List<Integer> ranks = new ArrayList<>();
        for (final int rank : r.ranks()) {
            ranks.add(rank);
        }
        out.put("rank", ranks);
        final List<Object> rows = new ArrayList<>();
        for (final double[] row : r.recall()) {
            rows.add(JsonOutput.numbers(row));
        }
        out.put("recall", rows);
        out.put("n_gt", r.groundTruthCount());
        return out;
    }
}
