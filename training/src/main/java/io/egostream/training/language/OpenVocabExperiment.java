package io.egostream.training.language;

import io.egostream.model.nn.openvocab.OpenVocabularyConfig;
import io.egostream.model.nn.openvocab.PromptTemplate;
import io.egostream.model.synth.ClassNameText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The open-vocabulary comparison: on the training split, the base classes of a frequency-stratified holdout
 * ({@link ClassHoldout}) train three heads at the same {@link TrainingBudget}: closed-set, text-only
 * zero-shot and X-MIC. They are evaluated on held-out videos among the base classes, on held-out videos
 * among the novel classes, and on another dataset among its own vocabulary (cross-dataset shift). Class
 * names become prompts with {@link ClassNameText} and the prompt template, embedded by a
 * {@link TextEmbedder}.
 */
public final class OpenVocabExperiment {

    private OpenVocabExperiment() {}

    /**
     * The experiment's knobs.
     *
     * @param target verb or noun
     * @param prompt the prompt template
     * @param adapterHidden hidden width of the X-MIC adapter, &gt;= 1
     * @param initialTemperature the temperature the learned one starts from
     * @param holdoutEvery hold out one class in every N, &gt;= 2
     * @param budget the budget of every head
     */
    public record Settings(LabelTarget target, PromptTemplate prompt, int adapterHidden, double initialTemperature,
            int holdoutEvery, TrainingBudget budget) {

        /** Validates the fields. */
        public Settings {
            if (target == null || prompt == null || budget == null) {
                throw new IllegalArgumentException("target, prompt and budget are required");
            }
            if (adapterHidden < 1) {
                throw new IllegalArgumentException("adapter hidden width must be >= 1, got " + adapterHidden);
            }
            if (holdoutEvery < 2) {
                throw new IllegalArgumentException("holdout must keep one class in every N >= 2, got " + holdoutEvery);
            }
        }

        /**
         * The README's settings.
         *
         * @param target verb or noun
         * @param seed the seed
         * @return the target's prompt, adapter width 256, temperature 0.07, a quarter of the classes held out,
         *     {@link TrainingBudget#defaults}
         */
        public static Settings defaults(final LabelTarget target, final long seed) {
            return new Settings(target, target.prompt(), 256, 0.07, 4, TrainingBudget.defaults(seed));
        }
    }

    /**
     * The result.
     *
     * @param report the measurements
     * @param xmic the trained X-MIC head
     * @param trainedLabels the plain-English base class names it was trained on
     */
    public record Outcome(OpenVocabReport report, TrainedHead xmic, List<String> trainedLabels) {
    }

    /**
     * Runs the comparison.
     *
     * @param train the training split's actions
     * @param heldOut actions of videos not in the training split, same vocabulary
     * @param crossName the name of the other dataset, e.g. {@code egtea-gaze-plus}
     * @param cross actions of another dataset with its own vocabulary, or null to skip that evaluation
     * @param embedder the text encoder
     * @param settings the knobs
     * @param progress receives one line per finished stage
     * @return the report and the X-MIC head
     * @throws IllegalArgumentException when the feature widths differ or a set is empty
     */
    public static Outcome run(final ActionExamples train, final ActionExamples heldOut, final String crossName,
            final ActionExamples cross, final TextEmbedder embedder, final Settings settings,
            final Consumer<String> progress) {
        final LabelTarget target = settings.target();
        if (heldOut.featureDim() != train.featureDim() || (cross != null && cross.featureDim() != train.featureDim())) {
            throw new IllegalArgumentException("feature widths differ: training " + train.featureDim() + ", held-out "
                    + heldOut.featureDim() + (cross == null ? "" : ", " + crossName + " " + cross.featureDim()));
        }
        final List<String> vocabulary = train.names(target);
        final int[] all = concat(train.labels(target), heldOut.labels(target));
        final ClassHoldout holdout = ClassHoldout.byFrequencyRank(all, vocabulary.size(), settings.holdoutEvery());
        final int[] trainPositions = ClassHoldout.positionsIn(train.labels(target), holdout.base());
        final List<Integer> trainRows = rowsWithLabel(trainPositions);
        if (trainRows.isEmpty()) {
            throw new IllegalArgumentException("no training action has a base " + target.optionValue());
        }
        final float[][] trainFeatures = select(train.features(), trainRows);
        final int[] trainLabels = select(trainPositions, trainRows);
        final List<String> baseTexts = texts(vocabulary, holdout.base());
        final float[][] baseEmbeddings = embedder.embed(prompts(settings.prompt(), baseTexts));
        final OpenVocabularyConfig config = new OpenVocabularyConfig(train.featureDim(), baseEmbeddings[0].length,
                settings.adapterHidden(), settings.prompt(), settings.initialTemperature());

        final Map<HeadKind, TrainedHead> heads = new LinkedHashMap<>();
        for (final HeadKind kind : HeadKind.values()) {
            heads.put(kind, HeadTrainer.train(kind, trainFeatures, trainLabels, baseEmbeddings, holdout.base().size(),
                    config, settings.budget(), epoch -> { }));
            progress.accept("trained " + kind.title() + " on " + trainRows.size() + " actions, final loss "
                    + heads.get(kind).epochLosses().get(settings.budget().epochs() - 1));
        }

        final List<EvaluationSet> sets = new ArrayList<>();
        sets.add(evaluationSet(target.optionValue() + "-base", heldOut, target, holdout.base(), baseTexts,
                baseEmbeddings));
        if (!holdout.novel().isEmpty()) {
            final List<String> novelTexts = texts(vocabulary, holdout.novel());
            sets.add(evaluationSet(target.optionValue() + "-novel", heldOut, target, holdout.novel(), novelTexts,
                    embedder.embed(prompts(settings.prompt(), novelTexts))));
        }
        if (cross != null) {
            final List<Integer> classes = new ArrayList<>();
            for (int c = 0; c < cross.names(target).size(); c++) {
                classes.add(c);
            }
            final List<String> crossTexts = texts(cross.names(target), classes);
            sets.add(evaluationSet(crossName, cross, target, classes, crossTexts,
                    embedder.embed(prompts(settings.prompt(), crossTexts))));
        }
        final List<OpenVocabReport.SetResult> results = new ArrayList<>();
        for (final EvaluationSet set : sets) {
            final Map<String, Accuracy> accuracies = new LinkedHashMap<>();
            heads.forEach((kind, head) -> {
                if (kind != HeadKind.CLOSED_SET || set == sets.get(0)) {
                    accuracies.put(kind.title(), Accuracy.of(head.logits(set.features(), set.classEmbeddings()),
                            set.labels()));
                }
            });
            results.add(new OpenVocabReport.SetResult(set.name(), set.labels().length, set.labelTexts().size(),
                    Accuracy.chance(set.labelTexts().size()), set.majorityRate(), accuracies));
            progress.accept("evaluated " + set.name());
        }
        final Map<String, Double> losses = new LinkedHashMap<>();
        heads.forEach((kind, head) -> losses.put(kind.title(), head.epochLosses().get(head.epochLosses().size() - 1)));
        final OpenVocabReport report = new OpenVocabReport(target.optionValue(), settings.prompt().pattern(),
                settings.budget(), settings.adapterHidden(), trainRows.size(), baseTexts,
                texts(vocabulary, holdout.novel()), results, losses);
        return new Outcome(report, heads.get(HeadKind.X_MIC), baseTexts);
    }

    private static EvaluationSet evaluationSet(final String name, final ActionExamples examples,
            final LabelTarget target, final List<Integer> classes, final List<String> texts,
            final float[][] embeddings) {
        final int[] positions = ClassHoldout.positionsIn(examples.labels(target), classes);
        final List<Integer> rows = rowsWithLabel(positions);
        return new EvaluationSet(name, select(examples.features(), rows), select(positions, rows), texts, embeddings);
    }

    /** The plain-English names of some classes of a vocabulary. */
    static List<String> texts(final List<String> vocabulary, final List<Integer> classes) {
        return classes.stream().map(c -> ClassNameText.of(vocabulary.get(c))).toList();
    }

    static List<String> prompts(final PromptTemplate prompt, final List<String> texts) {
        return texts.stream().map(prompt::apply).toList();
    }

    private static List<Integer> rowsWithLabel(final int[] positions) {
        final List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] >= 0) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static float[][] select(final float[][] rows, final List<Integer> index) {
        final float[][] out = new float[index.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[index.get(i)];
        }
        return out;
    }

    private static int[] select(final int[] values, final List<Integer> index) {
        final int[] out = new int[index.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[index.get(i)];
        }
        return out;
    }

    private static int[] concat(final int[] a, final int[] b) {
        final int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
