package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.domain.Task;
import io.egostream.model.io.NpyArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs the offline forward on named input arrays and names the outputs as the shared reference vectors do
 * ({@code <case>.<field>} in, {@code <case>.<module>.<output>} out), so EgoStream's outputs can be compared
 * with the official code's array by array.
 *
 * <p>Inputs of a case: {@code x} {@code [N,1,Din]} or {@code [N,Din]}, {@code pos}, {@code indices},
 * {@code mask} (optional, all true when absent), {@code batch} (optional, all 0 when absent), and where the
 * tasks need them {@code ar_segments} {@code [M,2]} with {@code ar_segments_batch}, {@code oscc_segments}
 * with {@code oscc_segments_batch}.
 *
 * <p>Outputs: {@code backbone.final_pooled_x}, {@code backbone.graphs.{x,pos,video,depth,extent,indices,
 * batch}} (all levels, level-major), {@code ar.{verb_logits,noun_logits,features}},
 * {@code oscc.{logits,features}}, {@code lta.{verb_logits,noun_logits,features}},
 * {@code mq.{cls_logits,reg_preds}} and for a single-clip case {@code mq.decoded_{segments,scores,labels}},
 * {@code pnr.logits}. With EgoPack (one main task T): {@code egopack_T.aux_in.<a>},
 * {@code egopack_T.aux_out.<a>}, {@code egopack_T.match_top1.<a>.stage<s>} for every support task a, and the
 * main head's outputs under {@code egopack_T.}. An AR or OSCC head is skipped for a case without its
 * segments ({@link #skippedTasks}).
 */
public final class ReferenceCaseRunner {

    /**
     * How to run a case.
     *
     * @param tasks the heads to run (with EgoPack: exactly one, the main task)
     * @param egoPack run the EgoPack forward for the one main task
     * @param backboneLevels levels to run (1..depth), or 0 for all levels (1 when EgoPack's main task is PNR)
     * @param context the MQ context rule
     * @param egoPackSegments the input field the EgoPack AR/OSCC main head reads its segments from, or null
     *     for the task's own ({@code ar_segments} / {@code oscc_segments})
     * @param decode the MQ decoding settings
     */
    public record Options(Set<Task> tasks, boolean egoPack, int backboneLevels, MqContext context,
            String egoPackSegments, MqDecodeSettings decode) {

        /** Validates the combination. */
        public Options {
            if (tasks == null || tasks.isEmpty()) {
                throw new IllegalArgumentException("at least one task must be given");
            }
            if (egoPack && tasks.size() != 1) {
                throw new IllegalArgumentException("EgoPack runs one main task, got " + tasks.size() + ": " + tasks);
            }
            if (backboneLevels < 0) {
                throw new IllegalArgumentException("backbone levels must be >= 1 (or 0 for all), got " + backboneLevels);
            }
            tasks = Set.copyOf(tasks);
            if (context == null) {
                context = MqContext.clip();
            }
            if (decode == null) {
                decode = MqDecodeSettings.reference();
            }
        }

        /**
         * @param tasks the heads
         * @return options for the single-task heads, all levels, reference MQ rules
         */
        public static Options heads(final Set<Task> tasks) {
            return new Options(tasks, false, 0, MqContext.clip(), null, MqDecodeSettings.reference());
        }
    }

    private final HierEgoPackWeights weights;

    /**
     * @param weights the parameter store
     */
    public ReferenceCaseRunner(final HierEgoPackWeights weights) {
        this.weights = weights;
    }

    /**
     * @param inputs named inputs
     * @return the case names, in the order their {@code x} appears
     */
    public static List<String> cases(final Map<String, NpyArray> inputs) {
        final List<String> out = new ArrayList<>();
        for (final String key : inputs.keySet()) {
            if (key.endsWith(".x")) {
                out.add(key.substring(0, key.length() - 2));
            }
        }
        return out;
    }

    /**
     * @param inputs named inputs
     * @param name the case
     * @param options what to run
     * @param manager the manager of the call (freed by the caller)
     * @return the named outputs in a stable order
     * @throws IllegalArgumentException for a missing or malformed input, naming the case and key
     */
    public Map<String, NpyArray> run(final Map<String, NpyArray> inputs, final String name, final Options options,
            final NDManager manager) {
        final ClipInput input = input(inputs, name, manager);
        final HierEgoPackConfig c = weights.config();
        final Task only = options.tasks().iterator().next();
        int levels = options.backboneLevels() == 0 ? c.depth() : options.backboneLevels();
        if (options.egoPack() && only == Task.PNR && options.backboneLevels() == 0) {
            levels = 1;
        }
        if (levels > c.depth()) {
            throw new IllegalArgumentException("backbone levels " + levels + " exceed the model depth " + c.depth());
        }
        final HierEgoPackForward f = new HierEgoPackForward(weights);
        final BackboneOutput b = f.backbone(input, levels);
        final Map<String, NpyArray> out = new LinkedHashMap<>();
        final String p = name + ".";
        out.put(p + "backbone.final_pooled_x", floats(b.finalPooled()));
        out.put(p + "backbone.graphs.x", floats(b.graphsX()));
        out.put(p + "backbone.graphs.pos", NpyArray.ofFloats(new long[] {b.graphsSize()}, b.graphsPos()));
        out.put(p + "backbone.graphs.video", longs(b.graphsVideo()));
        out.put(p + "backbone.graphs.depth", longs(b.graphsDepth()));
        out.put(p + "backbone.graphs.extent", NpyArray.ofFloats(new long[] {b.graphsSize()}, b.graphsExtent()));
        out.put(p + "backbone.graphs.indices", longs(b.graphsIndices()));
        out.put(p + "backbone.graphs.batch", longs(b.graphsDepth()));
        final List<Task> skipped = skippedTasks(inputs, name, options);
        if (options.egoPack()) {
            if (!skipped.isEmpty()) {
                return out;
            }
            final Segments seg = only == Task.AR || only == Task.OSCC
                    ? segments(inputs, name, segmentField(only, options)) : null;
            final EgoPackOutput e = f.egoPack(b, only, seg, options.context());
            final String q = p + "egopack_" + shortName(only) + ".";
            for (final Task a : e.auxIn().keySet()) {
                out.put(q + "aux_in." + shortName(a), floats(e.auxIn().get(a)));
            }
            for (final Task a : e.auxOut().keySet()) {
                out.put(q + "aux_out." + shortName(a), floats(e.auxOut().get(a)));
                final List<long[]> stages = e.nearest().get(a);
                for (int s = 0; s < stages.size(); s++) {
                    out.put(q + "match_top1." + shortName(a) + ".stage" + s, longs(stages.get(s)));
                }
            }
            e.main().forEach((k, v) -> out.put(q + k, floats(v)));
            return out;
        }
        for (final Task t : Task.values()) {
            if (!options.tasks().contains(t) || skipped.contains(t)) {
                continue;
            }
            final String q = p + shortName(t) + ".";
            switch (t) {
                case AR -> f.ar(b, segments(inputs, name, "ar_segments")).named()
                        .forEach((k, v) -> out.put(q + k, floats(v)));
                case OSCC -> f.oscc(b, segments(inputs, name, "oscc_segments")).named()
                        .forEach((k, v) -> out.put(q + k, floats(v)));
                case PNR -> out.put(q + "logits", floats(f.pnr(b)));
                case LTA -> f.lta(b).named().forEach((k, v) -> out.put(q + k, floats(v)));
                case MQ -> {
                    final MqOutput mq = f.mq(b, options.context());
                    mq.named().forEach((k, v) -> out.put(q + k, floats(v)));
                    if (b.clips() == 1) {
                        final MqCandidates cand = MqDecoder.decode(mq, b, 0, options.decode());
                        final float[] seg = new float[2 * cand.size()];
                        for (int i = 0; i < cand.size(); i++) {
                            seg[2 * i] = cand.start()[i];
                            seg[2 * i + 1] = cand.end()[i];
                        }
                        out.put(q + "decoded_segments", NpyArray.ofFloats(new long[] {cand.size(), 2}, seg));
                        out.put(q + "decoded_scores", NpyArray.ofFloats(new long[] {cand.size()}, cand.score()));
                        out.put(q + "decoded_labels", longs(cand.label()));
                    }
                }
                default -> throw new IllegalStateException(t.name());
            }
        }
        return out;
    }

    /**
     * The heads a case cannot run because it lacks their segments: {@code ar_segments} for AR,
     * {@code oscc_segments} for OSCC, or for an EgoPack AR/OSCC main task its segment field
     * ({@link Options#egoPackSegments()} or the task's own). {@link #run} skips them (for EgoPack only the
     * backbone outputs of such a case are written).
     *
     * @param inputs named inputs
     * @param name the case
     * @param options what to run
     * @return the skipped tasks, in task order
     */
    public static List<Task> skippedTasks(final Map<String, NpyArray> inputs, final String name, final Options options) {
        final List<Task> out = new ArrayList<>();
        for (final Task t : List.of(Task.AR, Task.OSCC)) {
            if (options.tasks().contains(t) && !inputs.containsKey(name + "." + segmentField(t, options))) {
                out.add(t);
            }
        }
        return out;
    }

    private static String segmentField(final Task t, final Options options) {
        if (options.egoPack() && options.egoPackSegments() != null) {
            return options.egoPackSegments();
        }
        return t == Task.OSCC ? "oscc_segments" : "ar_segments";
    }

    /**
     * @param inputs named inputs
     * @param name the case
     * @param manager where to create the features
     * @return the case's backbone input (padding dropped)
     */
    public static ClipInput input(final Map<String, NpyArray> inputs, final String name, final NDManager manager) {
        final NpyArray x = require(inputs, name, "x");
        final long[] shape = x.shape();
        if (shape.length != 2 && !(shape.length == 3 && shape[1] == 1)) {
            throw new IllegalArgumentException(name + ".x must be [N,1,Din] or [N,Din], found "
                    + x.shapeText());
        }
        final int n = (int) shape[0];
        final float[] pos = vector(inputs, name, "pos", n).toFloats();
        final long[] indices = vector(inputs, name, "indices", n).toLongs();
        final NpyArray maskArray = inputs.get(name + ".mask");
        final boolean[] mask = maskArray == null ? null : vector(inputs, name, "mask", n).toBooleans();
        final long[] batch = inputs.containsKey(name + ".batch") ? vector(inputs, name, "batch", n).toLongs()
                : new long[n];
        final NDArray features = manager.create(x.toFloats(), new Shape(shape));
        try {
            return ClipInput.masked(features, pos, indices, batch, mask);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param inputs named inputs
     * @param name the case
     * @param field {@code ar_segments} or {@code oscc_segments} (with {@code <field>_batch})
     * @return the segments
     */
    public static Segments segments(final Map<String, NpyArray> inputs, final String name, final String field) {
        final NpyArray s = require(inputs, name, field);
        final long[] shape = s.shape();
        if (shape.length != 2 || shape[1] != 2) {
            throw new IllegalArgumentException(name + "." + field + " must be [M,2], found " + s.shapeText());
        }
        final long[] clip = inputs.containsKey(name + "." + field + "_batch")
                ? vector(inputs, name, field + "_batch", (int) shape[0]).toLongs() : new long[(int) shape[0]];
        try {
            return Segments.ofPairs(s.toFloats(), clip);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "." + field + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param t a task
     * @return its lower-case short name ({@code ar}, {@code oscc}, ...)
     */
    public static String shortName(final Task t) {
        return t.name().toLowerCase(Locale.ROOT);
    }

    private static NpyArray require(final Map<String, NpyArray> inputs, final String name, final String field) {
        final NpyArray a = inputs.get(name + "." + field);
        if (a == null) {
            throw new IllegalArgumentException("input " + name + "." + field + " is missing");
        }
        return a;
    }

    private static NpyArray vector(final Map<String, NpyArray> inputs, final String name, final String field,
            final int n) {
        final NpyArray a = require(inputs, name, field);
        final long[] shape = a.shape();
        if (shape.length != 1 || shape[0] != n) {
            throw new IllegalArgumentException(name + "." + field + " must be [" + n + "], found " + a.shapeText());
        }
        return a;
    }

    private static NpyArray floats(final NDArray a) {
        return NpyArray.ofFloats(a.getShape().getShape(), a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .toFloatArray());
    }

    private static NpyArray longs(final long[] values) {
        return NpyArray.ofLongs(new long[] {values.length}, values);
    }
}
