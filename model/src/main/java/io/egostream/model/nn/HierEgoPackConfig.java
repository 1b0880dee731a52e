package io.egostream.model.nn;

import io.egostream.model.domain.Task;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every size of a Hier-EgoPack network (model.md sections 2-4, reference-model.md). Names follow the
 * official configuration; the reference values are those of {@link #reference()}.
 *
 * @param inputDim input feature size {@code Din} (EgoVLP: 256)
 * @param hidden backbone width {@code H} (768)
 * @param depth backbone levels (8; 1 for the single-task and EgoPack AR/OSCC/LTA/PNR models)
 * @param gateHidden hidden width {@code P} of the backbone TDGC gate MLP {@code 1 -> P -> H} (256)
 * @param edgeRadius radius of the backbone's temporal edges, in (level-scaled) seconds (2.0: index
 *     offsets +-1..3 for nodes 0.533 s apart)
 * @param featureSize task feature size {@code F} of every projection (768)
 * @param arClassifierHidden hidden width of the AR verb and noun classifiers (512)
 * @param osccClassifierHidden hidden width of the OSCC classifier (512, hard-coded in the reference)
 * @param ltaClassifierHidden hidden width of the LTA verb and noun classifiers (512, hard-coded)
 * @param mqClassifierHidden hidden width of the MQ classifier (512)
 * @param ltaGateHidden gate hidden width of the two LTA-head TDGCs (256, hard-coded)
 * @param ltaSteps future actions {@code K} the LTA head predicts (20)
 * @param numVerbs verb classes of AR and LTA (115)
 * @param numNouns noun classes of AR and LTA (478)
 * @param mqClasses moment-query classes (110)
 * @param mqScales entries of the MQ per-level regression {@code scales} (8); at least {@code depth}
 * @param heads the task heads the model has, in {@link Task} order; at least one
 * @param egoPack the EgoPack interaction module, or {@code null} for a model without it
 */
public record HierEgoPackConfig(
        int inputDim,
        int hidden,
        int depth,
        int gateHidden,
        double edgeRadius,
        int featureSize,
        int arClassifierHidden,
        int osccClassifierHidden,
        int ltaClassifierHidden,
        int mqClassifierHidden,
        int ltaGateHidden,
        int ltaSteps,
        int numVerbs,
        int numNouns,
        int mqClasses,
        int mqScales,
        List<Task> heads,
        EgoPackConfig egoPack) {

    /** Name of the reference preset. */
    public static final String REFERENCE = "reference";
    /** Name of the small preset (the configuration of the shared golden vectors). */
    public static final String SMALL = "small";

    private static final int MAX_WIDTH = 65536;

    /** Validates every field; the exception names the field, its value and the allowed range. */
    public HierEgoPackConfig {
        EgoPackConfig.requireIn("input_dim", inputDim, 1, MAX_WIDTH);
        EgoPackConfig.requireIn("hidden", hidden, 1, MAX_WIDTH);
        EgoPackConfig.requireIn("depth", depth, 1, 24);
        EgoPackConfig.requireIn("gate_hidden", gateHidden, 1, MAX_WIDTH);
        if (!(edgeRadius > 0) || Double.isInfinite(edgeRadius)) {
            throw new IllegalArgumentException("edge_radius must be a positive finite number of seconds, got "
                    + edgeRadius);
        }
        EgoPackConfig.requireIn("feature_size", featureSize, 1, MAX_WIDTH);
        EgoPackConfig.requireIn("ar_classifier_hidden", arClassifierHidden, 1, MAX_WIDTH);
        EgoPackConfig.requireIn("oscc_classifier_hidden", osccClassifierHidden, 1, MAX_WIDTH);
        EgoPackConfig.requireIn("lta_classifier_hidden", ltaClassifierHidden, 1, MAX_WIDTH);
        EgoPackConfig.requireIn("mq_classifier_hidden", mqClassifierHidden, 1, MAX_WIDTH);
        EgoPackConfig.requireIn("lta_gate_hidden", ltaGateHidden, 1, MAX_WIDTH);
        EgoPackConfig.requireIn("lta_steps", ltaSteps, 1, 10_000);
        EgoPackConfig.requireIn("num_verbs", numVerbs, 1, 1_000_000);
        EgoPackConfig.requireIn("num_nouns", numNouns, 1, 1_000_000);
        EgoPackConfig.requireIn("mq_classes", mqClasses, 1, 1_000_000);
        EgoPackConfig.requireIn("mq_scales", mqScales, 1, 64);
        if (heads == null || heads.isEmpty() || heads.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("heads must name at least one task head, got " + heads);
        }
        final Set<Task> set = EnumSet.copyOf(heads);
        if (set.size() != heads.size()) {
            throw new IllegalArgumentException("heads must not repeat a task, got " + heads);
        }
        heads = List.copyOf(new ArrayList<>(set));
        if (set.contains(Task.MQ) && mqScales < depth) {
            throw new IllegalArgumentException("mq_scales (" + mqScales + ") must be at least depth (" + depth
                    + "): the MQ regressor scales level l by scales[l]");
        }
        if (set.contains(Task.PNR) && hidden != featureSize) {
            throw new IllegalArgumentException("the PNR head adds a feature_size positional encoding to the "
                    + "hidden-size backbone nodes, so hidden (" + hidden + ") must equal feature_size ("
                    + featureSize + ")");
        }
        if (set.contains(Task.PNR) && featureSize % 2 != 0) {
            throw new IllegalArgumentException("the PNR positional encoding is sin and cos halves, so feature_size"
                    + " must be even, got " + featureSize);
        }
        if (egoPack != null) {
            for (final Task t : egoPack.supportTasks()) {
                if (!set.contains(t)) {
                    throw new IllegalArgumentException("egopack.support_tasks names " + t
                            + " but the model has no " + t + " head (heads " + heads + ")");
                }
            }
        }
    }

    /**
     * The reference configuration: EgoVLP input (256), hidden 768, depth 8, Ego4D class counts (115 verbs,
     * 478 nouns, 110 MQ classes), every head, EgoPack with five support tasks of 1024 prototypes.
     *
     * @return the reference configuration
     */
    public static HierEgoPackConfig reference() {
        return new HierEgoPackConfig(256, 768, 8, 256, 2.0, 768, 512, 512, 512, 512, 256, 20, 115, 478, 110, 8,
                List.of(Task.values()), EgoPackConfig.reference());
    }

    /**
     * The small configuration of the shared golden vectors: input 32, hidden 48, depth 3, gate hidden 16,
     * AR/MQ classifier hidden 32, 7 verbs, 11 nouns, 5 MQ classes (3 scales), EgoPack hidden 24 with 20
     * prototypes per task; the sizes the reference hard-codes (OSCC/LTA classifier hidden 512, LTA gate
     * hidden 256) as there.
     *
     * @return the small configuration
     */
    public static HierEgoPackConfig small() {
        return new HierEgoPackConfig(32, 48, 3, 16, 2.0, 48, 32, 512, 512, 32, 256, 20, 7, 11, 5, 3,
                List.of(Task.values()),
                new EgoPackConfig(24, 8, 2, 1, 20, List.of(Task.AR, Task.LTA, Task.MQ, Task.OSCC, Task.PNR)));
    }

    /** @return the preset names, {@code reference} and {@code small} */
    public static List<String> presetNames() {
        return List.of(REFERENCE, SMALL);
    }

    /**
     * @param name a preset name
     * @return that preset
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static HierEgoPackConfig preset(final String name) {
        if (REFERENCE.equals(name)) {
            return reference();
        }
        if (SMALL.equals(name)) {
            return small();
        }
        throw new IllegalArgumentException("unknown preset '" + name + "' (known: " + presetNames() + ")");
    }

    /**
     * @param task a task
     * @return whether the model has that head
     */
    public boolean hasHead(final Task task) {
        return heads.contains(task);
    }

    /** @return whether the model has the EgoPack module */
    public boolean hasEgoPack() {
        return egoPack != null;
    }

    /**
     * @param newDepth backbone levels
     * @return this configuration with another depth (and at least that many MQ scales)
     */
    public HierEgoPackConfig withDepth(final int newDepth) {
        return new HierEgoPackConfig(inputDim, hidden, newDepth, gateHidden, edgeRadius, featureSize,
                arClassifierHidden, osccClassifierHidden, ltaClassifierHidden, mqClassifierHidden, ltaGateHidden,
                ltaSteps, numVerbs, numNouns, mqClasses, Math.max(mqScales, newDepth), heads, egoPack);
    }

    /**
     * @param newHeads the heads to keep
     * @param newEgoPack the EgoPack module, or null
     * @return this configuration with other heads and EgoPack
     */
    public HierEgoPackConfig withHeads(final List<Task> newHeads, final EgoPackConfig newEgoPack) {
        return new HierEgoPackConfig(inputDim, hidden, depth, gateHidden, edgeRadius, featureSize,
                arClassifierHidden, osccClassifierHidden, ltaClassifierHidden, mqClassifierHidden, ltaGateHidden,
                ltaSteps, numVerbs, numNouns, mqClasses, mqScales, newHeads, newEgoPack);
    }
}
