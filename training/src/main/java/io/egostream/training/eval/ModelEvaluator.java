package io.egostream.training.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.eval.BinaryAuroc;
import io.egostream.model.eval.ClassificationMetrics;
import io.egostream.model.eval.DetectionEvalConfig;
import io.egostream.model.eval.DetectionEvaluator;
import io.egostream.model.eval.DetectionReport;
import io.egostream.model.eval.EmissionStats;
import io.egostream.model.eval.EditDistance;
import io.egostream.model.eval.GroundTruthSegment;
import io.egostream.model.eval.KeyframeError;
import io.egostream.model.eval.OsccAccuracy;
import io.egostream.model.eval.PredictedSegment;
import io.egostream.model.nms.Candidates;
import io.egostream.model.nms.SegmentNms;
import io.egostream.model.nms.SegmentTime;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.MqCandidates;
import io.egostream.model.nn.MqContext;
import io.egostream.model.nn.MqDecodeSettings;
import io.egostream.model.nn.MqDecoder;
import io.egostream.model.nn.MqOutput;
import io.egostream.training.data.ArSample;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.data.LtaSample;
import io.egostream.training.data.MqSample;
import io.egostream.training.data.OsccSample;
import io.egostream.training.data.PnrSample;
import io.egostream.training.task.TaskBatch;
import io.egostream.training.task.TaskObjective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Runs a model over one split and scores every head it has (the EgoPack novel task through the EgoPack
 * main head), each against its chance level ({@link ChanceLevels}, priors from the training split when
 * given, else from the evaluated split):
 * <ul>
 *   <li>AR: verb and noun top-1 / top-5 accuracy and macro mAP;</li>
 *   <li>OSCC: accuracy (unlabelled windows skipped);</li>
 *   <li>PNR: keyframe error in seconds with the Hier-EgoPack 0.7 rule, and frame AUROC;</li>
 *   <li>LTA: verb and noun edit distance at Z = 20, best of K sequences sampled from the logits;</li>
 *   <li>MQ: ANET mAP at tIoU 0.1..0.5 and their average, Recall@1x and @5x at 0.5, after the reference
 *       decoding and soft-NMS.</li>
 * </ul>
 */
public final class ModelEvaluator {

    /** MQ clips kept for the timeline plot. */
    static final int TIMELINES = 3;
    /** Predictions per clip drawn on the timeline plot. */
    static final int TIMELINE_PREDICTIONS = 8;

    private final HierEgoPackModel model;
    private final Ego4dDataset data;
    private final Ego4dDataset prior;
    private final EvalSettings settings;
    private final FeatureGrid grid = FeatureGrid.EGOVLP;
    private final Map<String, Map<String, Double>> perClassAp = new LinkedHashMap<>();
    private final List<EvaluationResult.ClipTimeline> timelines = new ArrayList<>();

    /**
     * @param model the model
     * @param data the split to score
     * @param prior the training split (class priors of the chance levels), or null
     * @param settings the settings
     */
    public ModelEvaluator(final HierEgoPackModel model, final Ego4dDataset data, final Ego4dDataset prior,
            final EvalSettings settings) {
        this.model = model;
        this.data = data;
        this.prior = prior == null ? data : prior;
        this.settings = settings;
    }

    /**
     * @return the tasks this model is scored on, in task order
     */
    public List<Task> tasks() {
        return List.copyOf(model.config().heads());
    }

    /**
     * @param task a task
     * @return forward passes its evaluation takes (for a progress bar)
     */
    public int batches(final Task task) {
        final int n = limit(objective(task).size());
        final int b = task == Task.MQ ? 1 : settings.batchSize();
        return (n + b - 1) / b;
    }

    /**
     * @param progress called after every forward pass
     * @return every task's scores and the plot data
     */
    public EvaluationResult evaluate(final IntConsumer progress) {
        final List<TaskScores> scores = new ArrayList<>();
        final Task main = novelTask();
        try (NDManager root = NDManager.newBaseManager();
                StreamingMqPredictor streaming = settings.streamingMq() && model.config().heads().contains(Task.MQ)
                        ? new StreamingMqPredictor(model, streamingContextSeconds(), settings.nms().nms(),
                                settings.nmsWindowSeconds(), settings.nms().preNms().scoreThreshold(), 4,
                                settings.classesPerNode())
                        : null) {
            final HierEgoPackForward forward = model.forward();
            for (final Task t : tasks()) {
                final TaskObjective o = objective(t);
                if (o.size() == 0) {
                    continue;
                }
                final List<Map<String, float[]>> outputs = new ArrayList<>();
                final List<TaskBatch> batches = new ArrayList<>();
                final int n = limit(o.size());
                final int b = t == Task.MQ ? 1 : settings.batchSize();
                for (int start = 0; start < n; start += b) {
                    final int[] idx = range(start, Math.min(n, start + b));
                    try (NDManager m = root.newSubManager()) {
                        final TaskBatch batch = o.batch(idx, null, null, m);
                        final BackboneOutput bo = forward.backbone(batch.input(), o.levels(model.config()));
                        final Map<String, NDArray> out = o.outputs(forward, bo, batch, t == main);
                        final Map<String, float[]> host = new LinkedHashMap<>();
                        out.forEach((k, v) -> host.put(k, v.toFloatArray()));
                        if (t == Task.MQ) {
                            final MqSample sample = (MqSample) batch.samples().get(0);
                            host.put("candidates", mqCandidates(out, bo, sample));
                            if (streaming != null) {
                                host.put(STREAMING_CANDIDATES, clamp(streaming.predict(rows(batch.input().x())),
                                        sample.durationSeconds()));
                            }
                        }
                        outputs.add(host);
                        batches.add(detach(batch));
                    }
                    progress.accept(1);
                }
                scores.add(switch (t) {
                    case AR -> ar(outputs, batches);
                    case OSCC -> oscc(outputs, batches);
                    case PNR -> pnr(outputs, batches);
                    case LTA -> lta(outputs, batches);
                    case MQ -> mq(outputs, batches, "candidates", "mq");
                });
                if (t == Task.MQ && streaming != null) {
                    scores.add(mq(outputs, batches, STREAMING_CANDIDATES, "mq_streaming"));
                }
            }
        }
        return new EvaluationResult(model.id(), settings.split(), scores, perClassAp, timelines);
    }

    /** @return the EgoPack novel task (the head that is not a support task), or null */
    Task novelTask() {
        if (!model.config().hasEgoPack()) {
            return null;
        }
        return model.config().heads().stream().filter(t -> !model.config().egoPack().supportTasks().contains(t))
                .findFirst().orElse(null);
    }

    private TaskObjective objective(final Task t) {
        return TaskObjective.of(t, data, grid, MqContext.parse(settings.mqContext()));
    }

    private int limit(final int n) {
        return settings.maxSamples() > 0 ? Math.min(n, settings.maxSamples()) : n;
    }

    private static int[] range(final int from, final int to) {
        final int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** Keeps what scoring needs once the batch's arrays are freed. */
    private static TaskBatch detach(final TaskBatch b) {
        return new TaskBatch(null, b.segments(), b.labels(), b.targets(), b.samples(), null);
    }

    private static double[][] rows(final float[] flat, final int classes) {
        final double[][] out = new double[flat.length / classes][classes];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < classes; c++) {
                out[r][c] = flat[r * classes + c];
            }
        }
        return out;
    }

    private TaskScores ar(final List<Map<String, float[]>> outputs, final List<TaskBatch> batches) {
        final List<double[]> verbs = new ArrayList<>();
        final List<double[]> nouns = new ArrayList<>();
        final List<Integer> verbLabels = new ArrayList<>();
        final List<Integer> nounLabels = new ArrayList<>();
        final int cv = model.config().numVerbs();
        final int cn = model.config().numNouns();
        for (int i = 0; i < outputs.size(); i++) {
            verbs.addAll(List.of(rows(outputs.get(i).get("verb_logits"), cv)));
            nouns.addAll(List.of(rows(outputs.get(i).get("noun_logits"), cn)));
            final long[] l = batches.get(i).labels();
            final int m = l.length / 2;
            for (int k = 0; k < m; k++) {
                verbLabels.add((int) l[k]);
                nounLabels.add((int) l[m + k]);
            }
        }
        final double[][] v = verbs.toArray(new double[0][]);
        final double[][] n = nouns.toArray(new double[0][]);
        final int[] yv = verbLabels.stream().mapToInt(Integer::intValue).toArray();
        final int[] yn = nounLabels.stream().mapToInt(Integer::intValue).toArray();
        final double[][] pv = ChanceLevels.priorLogits(ChanceLevels.prior(trainArLabels(true), cv), v.length);
        final double[][] pn = ChanceLevels.priorLogits(ChanceLevels.prior(trainArLabels(false), cn), n.length);
        final Map<String, Double> m = new LinkedHashMap<>();
        final Map<String, Double> c = new LinkedHashMap<>();
        final Map<String, Boolean> up = new LinkedHashMap<>();
        classification(m, c, up, "verb", v, pv, yv);
        classification(m, c, up, "noun", n, pn, yn);
        final double[] ap = ClassificationMetrics.averagePrecisionPerClass(v, yv, ClassificationMetrics.IGNORE_LABEL);
        final Map<String, Double> named = new LinkedHashMap<>();
        for (int k = 0; k < ap.length; k++) {
            if (!Double.isNaN(ap[k])) {
                named.put(model.vocabularies().verbs().get(k), ap[k]);
            }
        }
        perClassAp.put("AR verb AP per class", named);
        return new TaskScores("ar", yv.length, m, c, up);
    }

    private static void classification(final Map<String, Double> m, final Map<String, Double> c,
            final Map<String, Boolean> up, final String what, final double[][] logits, final double[][] priorLogits,
            final int[] labels) {
        final int ignore = ClassificationMetrics.IGNORE_LABEL;
        for (final int k : new int[] {1, 5}) {
            m.put(what + "_top" + k, ClassificationMetrics.topKAccuracy(logits, labels, k, ignore));
            c.put(what + "_top" + k, ClassificationMetrics.topKAccuracy(priorLogits, labels, k, ignore));
            up.put(what + "_top" + k, true);
        }
        m.put(what + "_map", ClassificationMetrics.macroAveragePrecision(logits, labels, ignore));
        c.put(what + "_map", ClassificationMetrics.macroAveragePrecision(priorLogits, labels, ignore));
        up.put(what + "_map", true);
    }

    private long[] trainArLabels(final boolean verbs) {
        final List<Long> out = new ArrayList<>();
        for (final ArSample s : prior.ar()) {
            for (final long l : verbs ? s.verbs() : s.nouns()) {
                out.add(l);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private TaskScores oscc(final List<Map<String, float[]>> outputs, final List<TaskBatch> batches) {
        final List<double[]> logits = new ArrayList<>();
        final List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            logits.addAll(List.of(rows(outputs.get(i).get("logits"), 2)));
            for (final long l : batches.get(i).labels()) {
                labels.add((int) l);
            }
        }
        final double[][] x = logits.toArray(new double[0][]);
        final int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        final List<Long> trainLabels = new ArrayList<>();
        for (final OsccSample s : prior.oscc()) {
            for (final long l : s.labels()) {
                trainLabels.add(l);
            }
        }
        final double[][] p = ChanceLevels.priorLogits(
                ChanceLevels.prior(trainLabels.stream().mapToLong(Long::longValue).toArray(), 2), x.length);
        return new TaskScores("oscc", y.length, Map.of("accuracy", OsccAccuracy.ignoringUnlabelled(x, y)),
                Map.of("accuracy", OsccAccuracy.ignoringUnlabelled(p, y)), Map.of("accuracy", true));
    }

    private TaskScores pnr(final List<Map<String, float[]>> outputs, final List<TaskBatch> batches) {
        double error = 0;
        double centreError = 0;
        int clips = 0;
        final List<Float> scores = new ArrayList<>();
        final List<Integer> labels = new ArrayList<>();
        final float[] centre = new float[KeyframeError.FRAMES];
        centre[KeyframeError.FRAMES / 2] = 1f;
        for (int i = 0; i < outputs.size(); i++) {
            final float[] logits = outputs.get(i).get("logits");
            final List<?> samples = batches.get(i).samples();
            for (int c = 0; c < samples.size(); c++) {
                final PnrSample s = (PnrSample) samples.get(c);
                final float[] l = java.util.Arrays.copyOfRange(logits, c * KeyframeError.FRAMES,
                        (c + 1) * KeyframeError.FRAMES);
                error += KeyframeError.hierEgoPack(l, s.startFrame(), s.endFrame(), s.pnrFrame());
                centreError += KeyframeError.hierEgoPack(centre, s.startFrame(), s.endFrame(), s.pnrFrame());
                for (int k = 0; k < l.length; k++) {
                    scores.add(l[k]);
                    labels.add(k == s.pnrIndex() ? 1 : 0);
                }
                clips++;
            }
        }
        final float[] sc = new float[scores.size()];
        for (int i = 0; i < sc.length; i++) {
            sc[i] = scores.get(i);
        }
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("keyframe_error_s", error / clips);
        m.put("auroc", BinaryAuroc.compute(sc, labels.stream().mapToInt(Integer::intValue).toArray()));
        final Map<String, Double> c = new LinkedHashMap<>();
        c.put("keyframe_error_s", centreError / clips);
        c.put("auroc", 0.5);
        final Map<String, Boolean> up = new LinkedHashMap<>();
        up.put("keyframe_error_s", false);
        up.put("auroc", true);
        return new TaskScores("pnr", clips, m, c, up);
    }

    private TaskScores lta(final List<Map<String, float[]>> outputs, final List<TaskBatch> batches) {
        final int z = model.config().ltaSteps();
        final int k = settings.ltaSequences();
        final SplittableRandom random = new SplittableRandom(settings.seed());
        final List<int[][]> pv = new ArrayList<>();
        final List<int[][]> pn = new ArrayList<>();
        final List<int[]> gv = new ArrayList<>();
        final List<int[]> gn = new ArrayList<>();
        final int cv = model.config().numVerbs();
        final int cn = model.config().numNouns();
        for (int i = 0; i < outputs.size(); i++) {
            final float[] verbs = outputs.get(i).get("verb_logits");
            final float[] nouns = outputs.get(i).get("noun_logits");
            final List<?> samples = batches.get(i).samples();
            for (int s = 0; s < samples.size(); s++) {
                final LtaSample sample = (LtaSample) samples.get(s);
                pv.add(sample(verbs, s * z, z, cv, k, random));
                pn.add(sample(nouns, s * z, z, cn, k, random));
                gv.add(java.util.Arrays.stream(sample.verbs()).mapToInt(x -> (int) x).toArray());
                gn.add(java.util.Arrays.stream(sample.nouns()).mapToInt(x -> (int) x).toArray());
            }
        }
        final long[] trainVerbs = prior.lta().stream().flatMapToLong(s -> java.util.Arrays.stream(s.verbs())).toArray();
        final long[] trainNouns = prior.lta().stream().flatMapToLong(s -> java.util.Arrays.stream(s.nouns())).toArray();
        final double[] priorV = ChanceLevels.prior(trainVerbs, cv);
        final double[] priorN = ChanceLevels.prior(trainNouns, cn);
        final SplittableRandom chanceRandom = new SplittableRandom(settings.seed() + 1);
        final int[][][] cvs = new int[gv.size()][k][z];
        final int[][][] cns = new int[gv.size()][k][z];
        for (int s = 0; s < gv.size(); s++) {
            for (int j = 0; j < k; j++) {
                for (int t = 0; t < z; t++) {
                    cvs[s][j][t] = ChanceLevels.draw(priorV, chanceRandom);
                    cns[s][j][t] = ChanceLevels.draw(priorN, chanceRandom);
                }
            }
        }
        final int[][] gvs = gv.toArray(new int[0][]);
        final int[][] gns = gn.toArray(new int[0][]);
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("verb_edit_distance", EditDistance.evaluate(pv.toArray(new int[0][][]), gvs).editDistance());
        m.put("noun_edit_distance", EditDistance.evaluate(pn.toArray(new int[0][][]), gns).editDistance());
        final Map<String, Double> c = new LinkedHashMap<>();
        c.put("verb_edit_distance", EditDistance.evaluate(cvs, gvs).editDistance());
        c.put("noun_edit_distance", EditDistance.evaluate(cns, gns).editDistance());
        return new TaskScores("lta", gvs.length, m, c,
                Map.of("verb_edit_distance", false, "noun_edit_distance", false));
    }

    /** K sequences of z classes sampled independently per step from softmax of the logits rows. */
    private static int[][] sample(final float[] logits, final int firstRow, final int z, final int classes,
            final int k, final SplittableRandom random) {
        final int[][] out = new int[k][z];
        final double[] p = new double[classes];
        for (int t = 0; t < z; t++) {
            final int base = (firstRow + t) * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[c] = Math.exp(logits[base + c] - max);
                sum += p[c];
            }
            for (int c = 0; c < classes; c++) {
                p[c] /= sum;
            }
            for (int j = 0; j < k; j++) {
                out[j][t] = ChanceLevels.draw(p, random);
            }
        }
        return out;
    }

    /** Decoded, soft-NMS'ed and clamped MQ predictions of one clip, flattened as (start, end, score, label). */
    private float[] mqCandidates(final Map<String, NDArray> out, final BackboneOutput bo, final MqSample sample) {
        final var pre = settings.nms().preNms();
        final MqCandidates raw = MqDecoder.decode(new MqOutput(out.get("cls_logits"), out.get("reg_preds")), bo, 0,
                new MqDecodeSettings((float) pre.scoreThreshold(), pre.topK(), (float) pre.minDuration()));
        final int[] labels = new int[raw.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) raw.label()[i];
        }
        Candidates c = Candidates.of(raw.start(), raw.end(), raw.score(), labels);
        c = SegmentTime.clampToDuration(SegmentNms.apply(c, settings.nms().nms()), sample.durationSeconds());
        final float[] flat = new float[4 * c.size()];
        for (int i = 0; i < c.size(); i++) {
            flat[4 * i] = c.start(i);
            flat[4 * i + 1] = c.end(i);
            flat[4 * i + 2] = c.score(i);
            flat[4 * i + 3] = c.label(i);
        }
        return flat;
    }

    /** Output key of the streaming path's MQ predictions. */
    private static final String STREAMING_CANDIDATES = "streaming_candidates";
    /** MQ context W of the streaming path when the offline rule is {@code clip} (the analyzer's default). */
    private static final double DEFAULT_CONTEXT_SECONDS = 480;

    /** Emission thresholds whose live-stream statistics {@code eval model} reports for MQ. */
    private static final double[] EMISSION_THRESHOLDS = {0.1, 0.2, 0.3, 0.4, 0.5};

    /** The MQ context window W of the streaming path: W of a {@code trailing:W} rule, else the default 480 s. */
    private double streamingContextSeconds() {
        return MqContext.parse(settings.mqContext()) instanceof MqContext.Trailing t ? t.windowSeconds()
                : DEFAULT_CONTEXT_SECONDS;
    }

    private static float[][] rows(final NDArray x) {
        final int n = (int) x.getShape().get(0);
        final int d = (int) x.getShape().get(1);
        final float[] flat = x.toFloatArray();
        final float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }

    /** Clamps flat (start, end, score, class) quadruples to a clip's duration as the offline post-processing does. */
    private static float[] clamp(final float[] flat, final double durationSeconds) {
        final Candidates.Builder b = Candidates.builder();
        for (int k = 0; k < flat.length / 4; k++) {
            b.add(flat[4 * k], flat[4 * k + 1], flat[4 * k + 2], (int) flat[4 * k + 3]);
        }
        final Candidates c = SegmentTime.clampToDuration(b.build(), durationSeconds);
        final float[] out = new float[4 * c.size()];
        for (int i = 0; i < c.size(); i++) {
            out[4 * i] = c.start(i);
            out[4 * i + 1] = c.end(i);
            out[4 * i + 2] = c.score(i);
            out[4 * i + 3] = c.label(i);
        }
        return out;
    }

    private TaskScores mq(final List<Map<String, float[]>> outputs, final List<TaskBatch> batches,
            final String key, final String name) {
        final List<String> names = model.vocabularies().mqClasses();
        final List<GroundTruthSegment> truth = new ArrayList<>();
        final List<PredictedSegment> predicted = new ArrayList<>();
        final List<PredictedSegment> chance = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(settings.seed() + 2);
        final List<Long> trainLabels = new ArrayList<>();
        final List<Double> trainLengths = new ArrayList<>();
        for (final MqSample s : prior.mq()) {
            for (int i = 0; i < s.truth().size(); i++) {
                trainLabels.add((long) s.truth().labels()[i]);
                trainLengths.add((double) (s.truth().ends()[i] - s.truth().starts()[i]));
            }
        }
        final double[] priorClasses = ChanceLevels.prior(trainLabels.stream().mapToLong(Long::longValue).toArray(),
                names.size());
        for (int i = 0; i < outputs.size(); i++) {
            final MqSample s = (MqSample) batches.get(i).samples().get(0);
            final List<EvaluationResult.Moment> gt = new ArrayList<>();
            for (int g = 0; g < s.truth().size(); g++) {
                final String label = names.get(s.truth().labels()[g]);
                truth.add(new GroundTruthSegment(s.clipUid(), label, s.truth().starts()[g], s.truth().ends()[g]));
                gt.add(new EvaluationResult.Moment(label, s.truth().starts()[g], s.truth().ends()[g], 1.0));
            }
            final float[] c = outputs.get(i).get(key);
            final List<EvaluationResult.Moment> top = new ArrayList<>();
            for (int k = 0; k < c.length / 4; k++) {
                final String label = names.get((int) c[4 * k + 3]);
                predicted.add(new PredictedSegment(s.clipUid(), label, c[4 * k + 2], c[4 * k], c[4 * k + 1]));
                if (top.size() < TIMELINE_PREDICTIONS) {
                    top.add(new EvaluationResult.Moment(label, c[4 * k], c[4 * k + 1], c[4 * k + 2]));
                }
            }
            if (timelines.size() < TIMELINES && "mq".equals(name)) {
                timelines.add(new EvaluationResult.ClipTimeline(s.clipUid(), s.durationSeconds(), gt, top));
            }
            for (int k = 0; k < 100 && !trainLengths.isEmpty(); k++) {
                final double length = Math.min(s.durationSeconds(), trainLengths.get(random.nextInt(trainLengths.size())));
                final double start = random.nextDouble() * (s.durationSeconds() - length);
                chance.add(new PredictedSegment(s.clipUid(), names.get(ChanceLevels.draw(priorClasses, random)),
                        random.nextDouble(), start, start + length));
            }
        }
        final DetectionEvalConfig config = DetectionEvalConfig.hierEgoPack();
        final DetectionReport report = DetectionEvaluator.evaluate(truth, predicted, config);
        final DetectionReport base = DetectionEvaluator.evaluate(truth, chance, config);
        final Map<String, Double> m = detection(report);
        final Map<String, Double> ch = detection(base);
        final Map<String, Boolean> up = new LinkedHashMap<>();
        m.keySet().forEach(k -> up.put(k, true));
        final Map<String, Double> named = new LinkedHashMap<>();
        final int at05 = report.tiou().length - 1;
        report.apPerClass().forEach((label, ap) -> named.put(label, ap[at05]));
        perClassAp.put(("mq".equals(name) ? "MQ" : "MQ (streaming path)") + " AP per class at tIoU 0.5", named);
        // What a live moment stream would carry at each emission threshold (nms.emit-min-score), not a metric
        double seconds = 0;
        for (final TaskBatch b : batches) {
            seconds += ((MqSample) b.samples().get(0)).durationSeconds();
        }
        if (seconds > 0) {
            for (final double t : EMISSION_THRESHOLDS) {
                final EmissionStats e = EmissionStats.of(truth, predicted, seconds, t, 0.5);
                final EmissionStats c = EmissionStats.of(truth, chance, seconds, t, 0.5);
                final String at = String.format(java.util.Locale.ROOT, "score>=%.1f:", t);
                m.put(at + "per_minute", e.perMinute());
                ch.put(at + "per_minute", c.perMinute());
                up.put(at + "per_minute", false);
                m.put(at + "precision@0.5", e.precision());
                ch.put(at + "precision@0.5", c.precision());
                up.put(at + "precision@0.5", true);
                m.put(at + "recall@0.5", e.recall());
                ch.put(at + "recall@0.5", c.recall());
                up.put(at + "recall@0.5", true);
            }
        }
        return new TaskScores(name, truth.size(), m, ch, up);
    }

    private static Map<String, Double> detection(final DetectionReport r) {
        final Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < r.tiou().length; i++) {
            m.put(String.format(java.util.Locale.ROOT, "map@%.1f", r.tiou()[i]), r.meanAp()[i]);
        }
        m.put("map_avg", r.averageMeanAp());
        final int last = r.tiou().length - 1;
        r.recall().forEach((k, v) -> m.put("recall@" + k + "x@0.5", v[last]));
        return m;
    }
}
