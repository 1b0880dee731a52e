package io.egostream.model.nn;

import io.egostream.model.domain.Task;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parameter counts of a configuration, per component, as PyTorch counts them (buffers excluded, frozen
 * prototypes included in {@code egopack.prototypes} and the total). Reference values (issue and
 * reference-model.md section 5): backbone 22,274,816 (depth 8), one TDGC 1,379,072, heads AR 2,803,793,
 * OSCC 1,842,178, PNR 1,183,489, LTA 5,561,937, MQ 2,883,704, EgoPack stage per support task 722,176.
 *
 * @param backbone the backbone
 * @param oneTdgc one backbone TDGC
 * @param heads each head (projection included), in {@link Task} order
 * @param egoPack the EgoPack counts, or null if the model has none
 * @param total every parameter (trainable and frozen)
 * @param trainable the trainable parameters (total minus the frozen prototypes)
 */
public record ParameterCounts(long backbone, long oneTdgc, Map<Task, Long> heads, EgoPack egoPack, long total,
        long trainable) {

    /**
     * EgoPack counts.
     *
     * @param stagePerTask the interaction stages of one support task
     * @param stages the stages of all support tasks
     * @param prototypesPerTask {@code P x F} frozen prototype values per task
     * @param prototypes the prototypes of all support tasks
     */
    public record EgoPack(long stagePerTask, long stages, long prototypesPerTask, long prototypes) {
    }

    /** Copies the heads map. */
    public ParameterCounts {
        heads = Map.copyOf(heads);
    }

    /**
     * @param config a configuration
     * @return its counts (pure arithmetic over the layout; no engine needed)
     */
    public static ParameterCounts of(final HierEgoPackConfig config) {
        final ParameterLayout layout = ParameterLayout.of(config);
        final long h = config.hidden();
        final long p = config.gateHidden();
        final long oneTdgc = h + (h * h + h) + h * h + (p + p) + (h * p + h);
        final Map<Task, Long> heads = new LinkedHashMap<>();
        long total = layout.count(WeightModule.BACKBONE);
        for (final Task t : config.heads()) {
            final long n = layout.count(WeightModule.headOf(t));
            heads.put(t, n);
            total += n;
        }
        EgoPack e = null;
        long frozen = 0;
        if (config.hasEgoPack()) {
            final int tasks = config.egoPack().supportTasks().size();
            final long protoPerTask = (long) config.egoPack().prototypes() * config.featureSize();
            final long all = layout.count(WeightModule.EGOPACK);
            final long stages = all - protoPerTask * tasks;
            e = new EgoPack(stages / tasks, stages, protoPerTask, protoPerTask * tasks);
            frozen = protoPerTask * tasks;
            total += all;
        }
        return new ParameterCounts(layout.count(WeightModule.BACKBONE), oneTdgc, heads, e, total, total - frozen);
    }

    /**
     * @return the counts as the nested map {@code model info} prints:
     *     {@code {"backbone": N, "one_tdgc": N, "heads": {"ar": N, ...}, "egopack": {...}, "total": N,
     *     "trainable": N}}
     */
    public Map<String, Object> toMap() {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("backbone", backbone);
        out.put("one_tdgc", oneTdgc);
        final Map<String, Object> h = new LinkedHashMap<>();
        for (final Task t : Task.values()) {
            if (heads.containsKey(t)) {
                h.put(t.name().toLowerCase(Locale.ROOT), heads.get(t));
            }
        }
        out.put("heads", h);
        if (egoPack != null) {
            final Map<String, Object> e = new LinkedHashMap<>();
            e.put("stage_per_task", egoPack.stagePerTask());
            e.put("stages", egoPack.stages());
            e.put("prototypes_per_task", egoPack.prototypesPerTask());
            e.put("prototypes", egoPack.prototypes());
            e.put("total", egoPack.stages() + egoPack.prototypes());
            out.put("egopack", e);
        }
        out.put("total", total);
        out.put("trainable", trainable);
        return out;
    }
}
