package io.egostream.model.nn;

import ai.djl.util.JsonUtils;
import io.egostream.model.domain.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON form of a {@link HierEgoPackConfig} (snake_case keys, e.g. {@code "input_dim": 256},
 * {@code "heads": ["ar", "oscc", ...]}, {@code "egopack": {"hidden": 256, "k": 8, "conv_depth": 2,
 * "stages": 1, "prototypes": 1024, "support_tasks": ["ar", ...]}} or {@code null}). Reading is strict: an
 * unknown or missing key, a wrong type or an out-of-range value fails with a sentence naming the key.
 */
public final class HierEgoPackConfigJson {

    private static final List<String> INT_KEYS = List.of("input_dim", "hidden", "depth", "gate_hidden", "feature_size",
            "ar_classifier_hidden", "oscc_classifier_hidden", "lta_classifier_hidden", "mq_classifier_hidden",
            "lta_gate_hidden", "lta_steps", "num_verbs", "num_nouns", "mq_classes", "mq_scales");
    private static final List<String> EGOPACK_INT_KEYS = List.of("hidden", "k", "conv_depth", "stages", "prototypes");

    private HierEgoPackConfigJson() {
    }

    /**
     * @param c a configuration
     * @return its JSON object as an ordered map
     */
    public static Map<String, Object> toMap(final HierEgoPackConfig c) {
        final Map<String, Object> m = new LinkedHashMap<>();
        final int[] values = {c.inputDim(), c.hidden(), c.depth(), c.gateHidden(), c.featureSize(),
            c.arClassifierHidden(), c.osccClassifierHidden(), c.ltaClassifierHidden(), c.mqClassifierHidden(),
            c.ltaGateHidden(), c.ltaSteps(), c.numVerbs(), c.numNouns(), c.mqClasses(), c.mqScales()};
        for (int i = 0; i < INT_KEYS.size(); i++) {
            m.put(INT_KEYS.get(i), values[i]);
            if ("gate_hidden".equals(INT_KEYS.get(i))) {
                m.put("edge_radius", c.edgeRadius());
            }
        }
        m.put("heads", names(c.heads()));
        if (c.egoPack() == null) {
            m.put("egopack", null);
        } else {
            final EgoPackConfig e = c.egoPack();
            final Map<String, Object> em = new LinkedHashMap<>();
            em.put("hidden", e.hidden());
            em.put("k", e.k());
            em.put("conv_depth", e.convDepth());
            em.put("stages", e.stages());
            em.put("prototypes", e.prototypes());
            em.put("support_tasks", names(e.supportTasks()));
            m.put("egopack", em);
        }
        return m;
    }

    /**
     * @param c a configuration
     * @return pretty JSON text
     */
    public static String toJson(final HierEgoPackConfig c) {
        return JsonUtils.builder().serializeNulls().setPrettyPrinting().create().toJson(toMap(c));
    }

    /**
     * @param json JSON text of one configuration object
     * @param source where it came from, for messages (a file name)
     * @return the configuration
     * @throws IllegalArgumentException naming the source and key of the first problem
     */
    public static HierEgoPackConfig parse(final String json, final String source) {
        final Object parsed;
        try {
            parsed = JsonUtils.GSON.fromJson(json, Object.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(source + ": the model configuration must be a JSON object");
        }
        return fromMap(map, source);
    }

    /**
     * @param map a parsed JSON object
     * @param source where it came from, for messages
     * @return the configuration
     */
    public static HierEgoPackConfig fromMap(final Map<?, ?> map, final String source) {
        final Set<String> allowed = new TreeSet<>(INT_KEYS);
        allowed.addAll(List.of("edge_radius", "heads", "egopack"));
        requireKeys(map, allowed, source, "");
        final int[] v = new int[INT_KEYS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = integer(map, INT_KEYS.get(i), source, "");
        }
        final double radius = number(map, "edge_radius", source, "");
        final List<Task> heads = tasks(map.get("heads"), source, "heads");
        EgoPackConfig egoPack = null;
        final Object e = map.get("egopack");
        if (e != null) {
            if (!(e instanceof Map<?, ?> em)) {
                throw new IllegalArgumentException(source + ": egopack must be an object or null");
            }
            final Set<String> eAllowed = new TreeSet<>(EGOPACK_INT_KEYS);
            eAllowed.add("support_tasks");
            requireKeys(em, eAllowed, source, "egopack.");
            try {
                egoPack = new EgoPackConfig(integer(em, "hidden", source, "egopack."), integer(em, "k", source, "egopack."),
                        integer(em, "conv_depth", source, "egopack."), integer(em, "stages", source, "egopack."),
                        integer(em, "prototypes", source, "egopack."),
                        tasks(em.get("support_tasks"), source, "egopack.support_tasks"));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(prefixed(source, ex.getMessage()), ex);
            }
        }
        try {
            return new HierEgoPackConfig(v[0], v[1], v[2], v[3], radius, v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                    v[11], v[12], v[13], v[14], heads, egoPack);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(prefixed(source, ex.getMessage()), ex);
        }
    }

    private static String prefixed(final String source, final String message) {
        return message.startsWith(source + ":") ? message : source + ": " + message;
    }

    private static void requireKeys(final Map<?, ?> map, final Set<String> allowed, final String source,
            final String prefix) {
        for (final Object k : map.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(source + ": unknown key '" + prefix + k + "' (allowed: "
                        + allowed + ")");
            }
        }
        for (final String k : allowed) {
            if (!map.containsKey(k)) {
                throw new IllegalArgumentException(source + ": missing key '" + prefix + k + "'");
            }
        }
    }

    private static double number(final Map<?, ?> map, final String key, final String source, final String prefix) {
        final Object o = map.get(key);
        if (!(o instanceof Number n)) {
            throw new IllegalArgumentException(source + ": '" + prefix + key + "' must be a number, got " + o);
        }
        return n.doubleValue();
    }

    private static int integer(final Map<?, ?> map, final String key, final String source, final String prefix) {
        final double d = number(map, key, source, prefix);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source + ": '" + prefix + key + "' must be an integer, got " + d);
        }
        return (int) d;
    }

    private static List<Task> tasks(final Object o, final String source, final String key) {
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a list of task names, got " + o);
        }
        final List<Task> out = new ArrayList<>();
        for (final Object t : list) {
            out.add(task(String.valueOf(t), source + ": '" + key + "'"));
        }
        return out;
    }

    /**
     * @param name a task name, {@code ar} or {@code ego4d/ar} (any case)
     * @param where context for the message
     * @return the task
     */
    public static Task task(final String name, final String where) {
        final String n = name.toUpperCase(Locale.ROOT).replace("EGO4D/", "");
        for (final Task t : Task.values()) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException(where + ": unknown task '" + name + "' (known: ar, oscc, pnr, lta, mq)");
    }

    private static List<String> names(final List<Task> tasks) {
        return tasks.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
    }
}
