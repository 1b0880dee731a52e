package io.egostream.model.nn;

import io.egostream.model.domain.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every array of a model of a given configuration, in the official {@code state_dict} order, grouped by
 * weight file. Pure bookkeeping (no engine): parameter counts, import checks and exports all read it.
 *
 * <p>Key patterns (reference-model.md; {@code d} = level, {@code t} = official task name such as
 * {@code ego4d/ar}, {@code s} = stage):
 * <ul>
 *   <li>backbone: {@code proj.1.{weight,bias}}, {@code layers.d.module_{1,3}.<tdgc>},
 *       {@code layers.d.module_4.{weight,bias}} (LayerNorm);</li>
 *   <li>TDGC {@code <tdgc>}: {@code bias [1,H]}, {@code lin_rel.{weight,bias}}, {@code lin_root.weight},
 *       {@code lin_pos.0.{weight,bias}}, {@code lin_pos.2.{weight,bias}};</li>
 *   <li>heads: {@code projector.net.{1,2,4}.*}, classifiers {@code <name>.net.{0,1,3,4}.*} and
 *       {@code <name>.cls.*}, LTA {@code head.module_{0,2}.<tdgc>}, MQ {@code scales},
 *       {@code regressor.layers.0.{0,1}.*}, {@code regressor.head.0.*}, PNR {@code classifier.*} and the
 *       buffer {@code pe.frequency};</li>
 *   <li>egopack: {@code task_prototypes.t.weight [P,F]}, then
 *       {@code stages.t.s.module_{1,3,..}.lin_{l,r}.*} (SAGE) and {@code stages.t.s.module_<2c>.*} (Linear).</li>
 * </ul>
 */
public final class ParameterLayout {

    private final HierEgoPackConfig config;
    private final Map<WeightModule, Map<String, ParameterSpec>> modules;

    private ParameterLayout(final HierEgoPackConfig config, final Map<WeightModule, Map<String, ParameterSpec>> modules) {
        this.config = config;
        this.modules = modules;
    }

    /**
     * @param config a configuration
     * @return the layout of every array of that model
     */
    public static ParameterLayout of(final HierEgoPackConfig config) {
        final Map<WeightModule, Map<String, ParameterSpec>> modules = new EnumMap<>(WeightModule.class);
        modules.put(WeightModule.BACKBONE, backbone(config));
        for (final Task t : config.heads()) {
            final WeightModule m = WeightModule.headOf(t);
            final Builder b = new Builder(m);
            switch (t) {
                case AR -> {
                    b.projection(config.hidden(), config.featureSize());
                    b.classifier("verb_classifier", config.featureSize(), config.arClassifierHidden(),
                            config.numVerbs(), 0);
                    b.classifier("noun_classifier", config.featureSize(), config.arClassifierHidden(),
                            config.numNouns(), 0);
                }
                case OSCC -> {
                    b.projection(config.hidden(), config.featureSize());
                    b.classifier("classifier", config.featureSize(), config.osccClassifierHidden(), 2, 0);
                }
                case PNR -> {
                    b.projection(config.hidden(), config.featureSize());
                    b.linear("classifier", config.featureSize(), 1, true);
                    b.add("pe.frequency", ParameterRole.BUFFER, InitRule.of(InitRule.Kind.PE_FREQUENCY),
                            config.featureSize() / 2);
                }
                case LTA -> {
                    b.projection(config.hidden(), config.featureSize());
                    b.tdgc("head.module_0", config.featureSize(), config.ltaGateHidden());
                    b.tdgc("head.module_2", config.featureSize(), config.ltaGateHidden());
                    b.classifier("verb_classifier", config.featureSize(), config.ltaClassifierHidden(),
                            config.numVerbs(), 0.01);
                    b.classifier("noun_classifier", config.featureSize(), config.ltaClassifierHidden(),
                            config.numNouns(), 0.01);
                }
                case MQ -> {
                    b.add("scales", ParameterRole.TRAINABLE, InitRule.of(InitRule.Kind.ONES), config.mqScales());
                    b.projection(config.hidden(), config.featureSize());
                    b.classifier("classifier", 2 * config.featureSize(), config.mqClassifierHidden(),
                            config.mqClasses(), 0.01);
                    b.linear("regressor.layers.0.0", config.featureSize(), config.featureSize(), false);
                    b.layerNorm("regressor.layers.0.1", config.featureSize());
                    b.linear("regressor.head.0", config.featureSize(), 2, true);
                }
                default -> throw new IllegalStateException(t.name());
            }
            modules.put(m, b.specs);
        }
        if (config.hasEgoPack()) {
            modules.put(WeightModule.EGOPACK, egoPack(config));
        }
        return new ParameterLayout(config, Collections.unmodifiableMap(modules));
    }

    private static Map<String, ParameterSpec> backbone(final HierEgoPackConfig c) {
        final Builder b = new Builder(WeightModule.BACKBONE);
        b.linear("proj.1", c.inputDim(), c.hidden(), true);
        for (int d = 0; d < c.depth(); d++) {
            b.tdgc("layers." + d + ".module_1", c.hidden(), c.gateHidden());
            b.tdgc("layers." + d + ".module_3", c.hidden(), c.gateHidden());
            b.layerNorm("layers." + d + ".module_4", c.hidden());
        }
        return b.specs;
    }

    private static Map<String, ParameterSpec> egoPack(final HierEgoPackConfig c) {
        final EgoPackConfig e = c.egoPack();
        final Builder b = new Builder(WeightModule.EGOPACK);
        for (final Task t : e.supportTasks()) {
            b.add(prototypesKey(t), ParameterRole.FROZEN, InitRule.of(InitRule.Kind.STANDARD_NORMAL),
                    e.prototypes(), c.featureSize());
        }
        for (final Task t : e.supportTasks()) {
            for (int s = 0; s < e.stages(); s++) {
                final String stage = stagePrefix(t, s);
                for (int i = 0; i < e.convDepth(); i++) {
                    final int in = i == 0 ? c.featureSize() : e.hidden();
                    final String sage = stage + ".module_" + (1 + 2 * i);
                    b.linear(sage + ".lin_l", in, e.hidden(), true);
                    b.linear(sage + ".lin_r", in, e.hidden(), false);
                }
                b.linear(stage + ".module_" + (2 * e.convDepth()), e.hidden(), c.featureSize(), true);
            }
        }
        return b.specs;
    }

    /**
     * @param task a support task
     * @return its prototype key, e.g. {@code task_prototypes.ego4d/ar.weight}
     */
    public static String prototypesKey(final Task task) {
        return "task_prototypes." + WeightModule.officialTaskName(task) + ".weight";
    }

    /**
     * @param task a support task
     * @param stage a stage index
     * @return the key prefix of that stage, e.g. {@code stages.ego4d/ar.0}
     */
    public static String stagePrefix(final Task task, final int stage) {
        return "stages." + WeightModule.officialTaskName(task) + "." + stage;
    }

    /** @return the configuration */
    public HierEgoPackConfig config() {
        return config;
    }

    /** @return the weight files this model has, in file order */
    public List<WeightModule> modules() {
        return List.copyOf(modules.keySet());
    }

    /**
     * @param module a weight file
     * @return its arrays by key in official order (empty if the model lacks the module)
     */
    public Map<String, ParameterSpec> specs(final WeightModule module) {
        return modules.getOrDefault(module, Map.of());
    }

    /** @return every array of the model, file by file, in official order */
    public List<ParameterSpec> all() {
        final List<ParameterSpec> out = new ArrayList<>();
        modules.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /**
     * @param module a weight file
     * @return its parameter count (trainable and frozen, buffers excluded), as PyTorch counts parameters
     */
    public long count(final WeightModule module) {
        return specs(module).values().stream().filter(p -> p.role() != ParameterRole.BUFFER)
                .mapToLong(ParameterSpec::size).sum();
    }

    /** Collects the specs of one file in order, with the official sub-module shapes. */
    private static final class Builder {
        private final WeightModule module;
        private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();

        Builder(final WeightModule module) {
            this.module = module;
        }

        void add(final String key, final ParameterRole role, final InitRule init, final long... shape) {
            specs.put(key, new ParameterSpec(module, key, shape, role, init));
        }

        void linear(final String prefix, final int in, final int out, final boolean bias) {
            add(prefix + ".weight", ParameterRole.TRAINABLE, InitRule.uniform(in), out, in);
            if (bias) {
                add(prefix + ".bias", ParameterRole.TRAINABLE, InitRule.uniform(in), out);
            }
        }

        void layerNorm(final String prefix, final int n) {
            add(prefix + ".weight", ParameterRole.TRAINABLE, InitRule.of(InitRule.Kind.ONES), n);
            add(prefix + ".bias", ParameterRole.TRAINABLE, InitRule.of(InitRule.Kind.ZEROS), n);
        }

        void projection(final int in, final int f) {
            linear("projector.net.1", in, f, true);
            layerNorm("projector.net.2", f);
            linear("projector.net.4", f, f, true);
        }

        void classifier(final String prefix, final int in, final int hidden, final int classes, final double prior) {
            linear(prefix + ".net.0", in, hidden, true);
            layerNorm(prefix + ".net.1", hidden);
            linear(prefix + ".net.3", hidden, hidden, true);
            layerNorm(prefix + ".net.4", hidden);
            add(prefix + ".cls.weight", ParameterRole.TRAINABLE, InitRule.uniform(hidden), classes, hidden);
            add(prefix + ".cls.bias", ParameterRole.TRAINABLE,
                    prior > 0 ? InitRule.prior(prior) : InitRule.uniform(hidden), classes);
        }

        void tdgc(final String prefix, final int h, final int gateHidden) {
            add(prefix + ".bias", ParameterRole.TRAINABLE, InitRule.of(InitRule.Kind.ZEROS), 1, h);
            add(prefix + ".lin_rel.weight", ParameterRole.TRAINABLE, InitRule.of(InitRule.Kind.IDENTITY), h, h);
            add(prefix + ".lin_rel.bias", ParameterRole.TRAINABLE, InitRule.of(InitRule.Kind.ZEROS), h);
            add(prefix + ".lin_root.weight", ParameterRole.TRAINABLE, InitRule.uniform(h), h, h);
            linear(prefix + ".lin_pos.0", 1, gateHidden, true);
            linear(prefix + ".lin_pos.2", gateHidden, h, true);
        }
    }
}
