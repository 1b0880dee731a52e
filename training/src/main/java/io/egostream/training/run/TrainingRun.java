package io.egostream.training.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.MqContext;
import io.egostream.model.nn.ModelDirectory;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.ParameterLayout;
import io.egostream.model.nn.ParameterSpec;
import io.egostream.model.nn.Vocabularies;
import io.egostream.model.nn.WeightModule;
import io.egostream.training.data.Ego4dDataDir;
import io.egostream.training.data.Ego4dDataset;
import io.egostream.training.data.FeatureGrid;
import io.egostream.training.loss.LossNormalizer;
import io.egostream.training.optim.Adam;
import io.egostream.training.optim.LearningRateSchedule;
import io.egostream.training.optim.ParameterGroup;
import io.egostream.training.task.LossValue;
import io.egostream.training.task.TaskBatch;
import io.egostream.training.task.TaskObjective;
import io.egostream.training.task.TeacherLogits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Runs one training plan on an Ego4D-format data directory into a run directory:
 * <pre>
 * RUN/run.json                       the plan, data and initial model (checked on --resume)
 * RUN/checkpoints/epoch-NNN/         the last two epochs ({@link Checkpoint})
 * RUN/model/                         the final model directory (what the stream app loads)
 * RUN/history.json                   per-epoch training and validation losses
 * </pre>
 * Each optimiser step: for every trained task, a batch through the backbone (the levels the task reads,
 * dropout 0.1 on the block inputs with the engine's generator seeded from the plan and the step),
 * the task's head (or the EgoPack main head), its loss, back-propagated into the accumulated gradients;
 * then one Adam step (clipping, schedule). After every epoch the validation losses are computed and a
 * checkpoint is written; a resumed run continues from the newest checkpoint and, since batches, crops and
 * the optimiser state depend only on the plan and the step, ends with the same weights as an uninterrupted
 * run.
 */
public final class TrainingRun {

    /** Dropout on the backbone's block inputs in training, as the reference. */
    static final float BACKBONE_DROPOUT = 0.1f;

    /** Most validation batches per task and epoch. */
    static final int VAL_BATCH_CAP = 64;

    private final TrainingPlan plan;
    private final Ego4dDataDir data;
    private final Path runDir;
    private final Path initModel;
    private final String modelId;
    private final FeatureGrid grid = FeatureGrid.EGOVLP;

    /**
     * @param plan the plan
     * @param data the data directory
     * @param runDir the run directory (created; must be empty unless resuming)
     * @param initModel the multi-task model the EgoPack stage starts from (null for the other stages)
     */
    public TrainingRun(final TrainingPlan plan, final Ego4dDataDir data, final Path runDir, final Path initModel) {
        this(plan, data, runDir, initModel, null);
    }

    /**
     * @param plan the plan
     * @param data the data directory
     * @param runDir the run directory (created; must be empty unless resuming)
     * @param initModel the multi-task model the EgoPack stage starts from (null for the other stages)
     * @param modelId the id of the written model, or null for {@code egostream-<stage>-<tasks>}
     */
    public TrainingRun(final TrainingPlan plan, final Ego4dDataDir data, final Path runDir, final Path initModel,
            final String modelId) {
        if (modelId != null) {
            HierEgoPackModel.requireId(modelId);
        }
        this.modelId = modelId;
        if ((plan.stage() == Stage.EGOPACK) != (initModel != null)) {
            throw new IllegalArgumentException(plan.stage() == Stage.EGOPACK
                    ? "EgoPack training needs --init, the multi-task model directory of the support tasks"
                    : "--init is only for EgoPack training");
        }
        this.plan = plan;
        this.data = data;
        this.runDir = runDir;
        this.initModel = initModel;
    }

    /**
     * Trains from scratch, or from the newest checkpoint when {@code resume} is set.
     *
     * @param resume continue the run in the run directory
     * @param listener progress
     * @return the final model directory
     * @throws IOException if a file cannot be read or written
     * @throws ModelFormatException if the initial model or a checkpoint is malformed
     */
    public Path run(final boolean resume, final TrainingListener listener) throws IOException, ModelFormatException {
        final Map<String, Object> manifest = manifest();
        prepareRunDir(resume, manifest);
        final Ego4dDataset train = Ego4dDataset.load(data, "train", grid);
        final Ego4dDataset val = Ego4dDataset.load(data, "val", grid);
        final MqContext context = MqContext.parse(plan.mqContext());
        final Map<Task, TaskObjective> trainObjectives = new EnumMap<>(Task.class);
        final Map<Task, TaskObjective> valObjectives = new EnumMap<>(Task.class);
        for (final Task t : plan.tasks()) {
            trainObjectives.put(t, TaskObjective.of(t, train, grid, context));
            valObjectives.put(t, TaskObjective.of(t, val, grid, context));
        }
        final TeacherLogits teacher = plan.teacherFile() == null ? null
                : TeacherLogits.read(Path.of(plan.teacherFile()), train.verbs().size(), train.nouns().size());
        final Vocabularies vocabularies = new Vocabularies(train.verbs(), train.nouns(), train.momentLabels());
        final String modelId = this.modelId != null ? this.modelId : "egostream-" + plan.stage().id() + "-"
                + plan.tasks().stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining("-"));
        try (NDManager root = NDManager.newBaseManager()) {
            final Path checkpointDir = resume ? Checkpoint.latest(runDir) : null;
            final HierEgoPackWeights weights = checkpointDir != null
                    ? ModelDirectory.load(checkpointDir.resolve("model"), root).weights()
                    : initialWeights(train, trainObjectives, root);
            final HierEgoPackConfig config = weights.config();
            final int levels = trainObjectives.values().stream().mapToInt(o -> o.levels(config)).max().orElse(1);
            final Map<String, NDArray> trainable = TrainableParameters.select(weights, plan.stage(), plan.tasks(), levels);
            trainable.values().forEach(a -> a.setRequiresGradient(true));
            final Map<Task, Integer> sizes = new LinkedHashMap<>();
            trainObjectives.forEach((t, o) -> sizes.put(t, o.size()));
            final Map<Task, Integer> batchSizes = new LinkedHashMap<>();
            sizes.keySet().forEach(t -> batchSizes.put(t, plan.batchSizeOf(t, sizes)));
            final BatchSchedule schedule = new BatchSchedule(sizes, batchSizes, plan.seed(), plan.stepsPerEpoch());
            final int steps = schedule.stepsPerEpoch();
            final Task lead = plan.tasks().get(0);
            final double lr = plan.stage() == Stage.MULTI ? plan.learningRate() : plan.learningRateOf(lead);
            final double wd = plan.stage() == Stage.MULTI ? plan.weightDecay() : plan.weightDecayOf(lead);
            final Adam adam = new Adam(ParameterGroup.splitByDecay("", trainable, lr, wd),
                    new LearningRateSchedule((long) plan.warmupEpochs() * steps, (long) plan.epochs() * steps,
                            plan.minLearningRate()), plan.gradClip());
            final LossNormalizer normalizer;
            final List<EpochRecord> history = new ArrayList<>();
            int firstEpoch = 0;
            if (checkpointDir != null) {
                final Checkpoint c = Checkpoint.read(checkpointDir);
                adam.restore(c.adam());
                normalizer = new LossNormalizer(c.normalizer());
                history.addAll(c.history());
                firstEpoch = c.epochsDone();
            } else {
                normalizer = new LossNormalizer();
            }
            listener.started((long) plan.epochs() * steps, (long) firstEpoch * steps);
            final HierEgoPackForward forward = new HierEgoPackForward(weights, BACKBONE_DROPOUT);
            final HierEgoPackForward evalForward = new HierEgoPackForward(weights);
            final boolean egoPack = plan.stage() == Stage.EGOPACK;
            for (int epoch = firstEpoch; epoch < plan.epochs(); epoch++) {
                final long started = System.nanoTime();
                final Map<String, double[]> sums = new LinkedHashMap<>();
                for (int step = 0; step < steps; step++) {
                    final Map<String, Double> losses = new LinkedHashMap<>();
                    Engine.getInstance().setRandomSeed((int) BatchSchedule.mix(plan.seed(), epoch, step, 77));
                    try (NDManager m = root.newSubManager()) {
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            for (final Map.Entry<Task, TaskObjective> e : trainObjectives.entrySet()) {
                                final Task t = e.getKey();
                                final TaskObjective o = e.getValue();
                                final TaskBatch batch = o.batch(schedule.indices(t, epoch, step),
                                        new SplittableRandom(schedule.batchSeed(t, epoch, step)), teacher, m);
                                final BackboneOutput b = forward.backbone(batch.input(), o.levels(config));
                                final LossValue loss = o.loss(o.outputs(forward, b, batch, egoPack), b, batch,
                                        t == Task.MQ ? normalizer : null, plan.distillation());
                                gc.backward(loss.total());
                                losses.put(key(t), (double) loss.total().getFloat());
                            }
                        }
                        adam.step();
                    }
                    losses.forEach((k, v) -> {
                        final double[] s = sums.computeIfAbsent(k, x -> new double[2]);
                        s[0] += v;
                        s[1]++;
                    });
                    listener.stepDone(epoch + 1, adam.steps(), losses);
                }
                final Map<String, Double> trainLoss = new LinkedHashMap<>();
                sums.forEach((k, s) -> trainLoss.put(k, s[0] / s[1]));
                final Map<String, Double> valLoss = validate(evalForward, valObjectives, batchSizes, config, egoPack, root);
                final EpochRecord record = new EpochRecord(epoch + 1, adam.steps(),
                        adam.currentLearningRate(adam.groups().get(0)), trainLoss, valLoss,
                        (System.nanoTime() - started) / 1e9);
                history.add(record);
                new Checkpoint(epoch + 1, adam.state(), normalizer.value(), history)
                        .save(runDir, modelId, vocabularies, weights);
                listener.epochDone(record);
            }
            final Path modelDir = runDir.resolve("model");
            Checkpoint.deleteTree(modelDir);
            trainable.values().forEach(a -> a.setRequiresGradient(false));
            ModelDirectory.save(modelDir, new HierEgoPackModel(modelId, vocabularies, weights));
            Checkpoint.JSON.writeValue(runDir.resolve("history.json").toFile(), history);
            return modelDir;
        }
    }

    private Map<String, Double> validate(final HierEgoPackForward forward, final Map<Task, TaskObjective> objectives,
            final Map<Task, Integer> batchSizes, final HierEgoPackConfig config, final boolean egoPack,
            final NDManager root) {
        final Map<String, Double> out = new LinkedHashMap<>();
        for (final Map.Entry<Task, TaskObjective> e : objectives.entrySet()) {
            final TaskObjective o = e.getValue();
            if (o.size() == 0) {
                continue;
            }
            final int b = e.getKey() == Task.MQ ? 1 : Math.min(batchSizes.get(e.getKey()), o.size());
            double sum = 0;
            int n = 0;
            for (int start = 0; start < o.size() && n < VAL_BATCH_CAP; start += b) {
                final int[] idx = new int[Math.min(b, o.size() - start)];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = start + i;
                }
                try (NDManager m = root.newSubManager()) {
                    final TaskBatch batch = o.batch(idx, null, null, m);
                    final BackboneOutput bo = forward.backbone(batch.input(), o.levels(config));
                    sum += o.loss(o.outputs(forward, bo, batch, egoPack), bo, batch, null, null).total().getFloat();
                    n++;
                }
            }
            out.put(key(e.getKey()), sum / n);
        }
        return out;
    }

    private HierEgoPackWeights initialWeights(final Ego4dDataset train, final Map<Task, TaskObjective> objectives,
            final NDManager root) throws ModelFormatException {
        final int mq = train.momentLabels().size();
        if (plan.stage() != Stage.EGOPACK) {
            final int depth = plan.tasks().contains(Task.MQ) ? plan.size().depth() : 1;
            final HierEgoPackConfig config = plan.size().config(train.featureDim(), train.verbs().size(),
                    train.nouns().size(), mq, plan.tasks(), depth, null);
            return HierEgoPackWeights.initialise(config, root, plan.seed());
        }
        final Task main = plan.tasks().get(0);
        try (HierEgoPackModel init = ModelDirectory.load(initModel, root)) {
            final HierEgoPackConfig ic = init.config();
            final List<Task> support = ic.heads();
            if (support.contains(main)) {
                throw new IllegalArgumentException("the novel task " + main + " is one of the initial model's tasks "
                        + support + "; EgoPack trains a task the multi-task model has not seen");
            }
            if (ic.inputDim() != train.featureDim() || ic.numVerbs() != train.verbs().size()
                    || ic.numNouns() != train.nouns().size()) {
                throw new IllegalArgumentException("the initial model " + initModel + " expects " + ic.inputDim()
                        + "-d features, " + ic.numVerbs() + " verbs and " + ic.numNouns() + " nouns; the data has "
                        + train.featureDim() + ", " + train.verbs().size() + " and " + train.nouns().size());
            }
            final TaskObjective ar = TaskObjective.of(Task.AR, train, grid, null);
            final Map<Task, float[]> prototypes = PrototypeBuilder.build(init.weights(), ar, support, root);
            final int p = prototypes.get(support.get(0)).length / ic.featureSize();
            final List<Task> heads = new ArrayList<>(support);
            heads.add(main);
            final int depth = Math.max(ic.depth(), main == Task.MQ ? plan.size().depth() : 1);
            final HierEgoPackConfig config = new HierEgoPackConfig(ic.inputDim(), ic.hidden(), depth, ic.gateHidden(),
                    ic.edgeRadius(), ic.featureSize(), ic.arClassifierHidden(), ic.osccClassifierHidden(),
                    ic.ltaClassifierHidden(), ic.mqClassifierHidden(), ic.ltaGateHidden(), ic.ltaSteps(),
                    ic.numVerbs(), ic.numNouns(), mq, Math.max(depth, ic.mqScales()), heads,
                    plan.size().egoPack(p, support));
            final HierEgoPackWeights w = HierEgoPackWeights.initialise(config, root, plan.seed());
            final ParameterLayout initLayout = init.weights().layout();
            for (final WeightModule module : initLayout.modules()) {
                for (final ParameterSpec spec : initLayout.specs(module).values()) {
                    w.set(module, spec.key(), init.weights().get(module, spec.key()).toFloatArray());
                }
            }
            for (final Task t : support) {
                w.set(WeightModule.EGOPACK, ParameterLayout.prototypesKey(t), prototypes.get(t));
            }
            return w;
        }
    }

    private Map<String, Object> manifest() {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", plan);
        m.put("data", data.root().toAbsolutePath().normalize().toString());
        m.put("init_model", initModel == null ? null : initModel.toAbsolutePath().normalize().toString());
        m.put("model_id", modelId);
        return m;
    }

    private void prepareRunDir(final boolean resume, final Map<String, Object> manifest) throws IOException {
        final Path runJson = runDir.resolve("run.json");
        final String wanted = Checkpoint.JSON.writeValueAsString(manifest);
        if (resume) {
            if (!Files.isRegularFile(runJson)) {
                throw new IllegalArgumentException("--resume " + runDir + ": no run.json there; nothing to resume");
            }
            final String stored = Files.readString(runJson);
            if (!Checkpoint.JSON.readTree(stored).equals(Checkpoint.JSON.readTree(wanted))) {
                throw new IllegalArgumentException("--resume " + runDir + ": the run was started with other settings;"
                        + " give the same options (stored in " + runJson + ")");
            }
            return;
        }
        if (Files.exists(runDir)) {
            try (var s = Files.list(runDir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + runDir + " is not empty; use --resume " + runDir
                            + " to continue that run, or another directory");
                }
            }
        }
        Files.createDirectories(runDir);
        Files.writeString(runJson, wanted);
    }

    private static String key(final Task t) {
        return t.name().toLowerCase(java.util.Locale.ROOT);
    }
}
