package io.egostream.model.nn;

import io.egostream.model.domain.Task;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Official checkpoints as a folder of {@code .npz} files, one per module, keyed by the exact official
 * {@code state_dict} names: {@code backbone.npz} (required), any of {@code head_ar.npz},
 * {@code head_oscc.npz}, {@code head_pnr.npz}, {@code head_lta.npz}, {@code head_mq.npz}, and optionally
 * {@code egopack.npz}. That is what
 * {@code np.savez(f, **{k: v.numpy() for k, v in module.state_dict().items()})} writes.
 *
 * <p>Import infers every size from the array shapes (input dim, hidden, depth, gate hidden, task feature
 * size, classifier widths, class counts, MQ scales, EgoPack hidden / conv depth / stages / prototypes /
 * support tasks), checks that the files agree with each other and with a given configuration, then checks
 * every key and shape against the layout of the inferred configuration. Sizes no array carries (edge
 * radius, LTA steps K, EgoPack k, and the sizes of absent heads) come from the given configuration, or the
 * reference preset when none is given.
 */
public final class ReferenceCheckpoint {

    private static final Pattern LAYER = Pattern.compile("layers\\.(\\d+)\\..*");
    private static final Pattern PROTOTYPES = Pattern.compile("task_prototypes\\.(.+)\\.weight");

    private ReferenceCheckpoint() {
    }

    /**
     * An imported checkpoint.
     *
     * @param config the inferred configuration
     * @param weights every array, checked against that configuration
     */
    public record Imported(HierEgoPackConfig config, Map<WeightModule, Map<String, NpyArray>> weights) {
    }

    /**
     * @param dir the checkpoint folder
     * @param given a configuration the checkpoint must agree with, or null
     * @param givenName how to name {@code given} in messages (e.g. {@code preset 'small'})
     * @return the configuration and arrays
     * @throws ModelFormatException naming the file, key, expected and found value of the first problem
     */
    public static Imported importFolder(final Path dir, final HierEgoPackConfig given, final String givenName)
            throws ModelFormatException {
        final Map<WeightModule, Map<String, NpyArray>> files = readFolder(dir);
        final HierEgoPackConfig config = inferConfig(files, given, givenName);
        final ParameterLayout layout = ParameterLayout.of(config);
        for (final WeightModule m : layout.modules()) {
            WeightCheck.check(layout, m, files.get(m));
        }
        return new Imported(config, files);
    }

    /**
     * @param dir the checkpoint folder
     * @return the arrays of every module file present
     * @throws ModelFormatException for a missing folder or backbone, an unknown {@code .npz}, a corrupt file
     */
    public static Map<WeightModule, Map<String, NpyArray>> readFolder(final Path dir) throws ModelFormatException {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(dir + ": not a directory");
        }
        final Map<WeightModule, Map<String, NpyArray>> out = new EnumMap<>(WeightModule.class);
        final List<Path> npz;
        try (Stream<Path> s = Files.list(dir)) {
            npz = s.filter(p -> p.getFileName().toString().endsWith(".npz")).sorted().toList();
        } catch (IOException e) {
            throw new ModelFormatException(dir + ": cannot list: " + e.getMessage(), e);
        }
        for (final Path f : npz) {
            final WeightModule m = moduleOf(f.getFileName().toString());
            if (m == null) {
                throw new ModelFormatException(f.getFileName() + ": unknown weight file (expected backbone.npz,"
                        + " head_ar.npz, head_oscc.npz, head_pnr.npz, head_lta.npz, head_mq.npz, egopack.npz)");
            }
            try {
                out.put(m, NpzFile.read(f));
            } catch (IOException e) {
                throw new ModelFormatException(e.getMessage(), e);
            }
        }
        if (!out.containsKey(WeightModule.BACKBONE)) {
            throw new ModelFormatException(dir.resolve("backbone.npz") + ": missing (every checkpoint has a backbone)");
        }
        if (out.keySet().stream().noneMatch(m -> m != WeightModule.BACKBONE && m != WeightModule.EGOPACK)) {
            throw new ModelFormatException(dir + ": no head_*.npz file (a model needs at least one task head)");
        }
        return out;
    }

    private static WeightModule moduleOf(final String fileName) {
        for (final WeightModule m : WeightModule.values()) {
            if (m.fileName().equals(fileName)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Writes the official {@code .npz} set of a model (one file per module, official keys and order).
     *
     * @param config the model's configuration
     * @param weights its arrays
     * @param outDir the target folder (created if missing); existing module files are not overwritten
     * @return the files written
     * @throws IOException if a target file exists or writing fails
     * @throws ModelFormatException if the arrays do not match the configuration
     */
    public static List<Path> export(final HierEgoPackConfig config, final Map<WeightModule, Map<String, NpyArray>> weights,
            final Path outDir) throws IOException, ModelFormatException {
        final ParameterLayout layout = ParameterLayout.of(config);
        for (final WeightModule m : layout.modules()) {
            if (weights.get(m) == null) {
                throw new ModelFormatException(m.fileName() + ": missing");
            }
            WeightCheck.check(layout, m, weights.get(m));
            if (Files.exists(outDir.resolve(m.fileName()))) {
                throw new IOException(outDir.resolve(m.fileName()) + ": exists; export writes into a new or empty folder");
            }
        }
        Files.createDirectories(outDir);
        final List<Path> written = new ArrayList<>();
        for (final WeightModule m : layout.modules()) {
            final Map<String, NpyArray> ordered = new LinkedHashMap<>();
            for (final String key : layout.specs(m).keySet()) {
                ordered.put(key, weights.get(m).get(key));
            }
            final Path f = outDir.resolve(m.fileName());
            NpzFile.write(f, ordered);
            written.add(f);
        }
        return written;
    }

    /**
     * @param files the arrays of the module files present
     * @param given a configuration to agree with, or null
     * @param givenName its name for messages
     * @return the inferred configuration
     * @throws ModelFormatException if a size cannot be read, two files disagree, or the given configuration
     *     disagrees
     */
    public static HierEgoPackConfig inferConfig(final Map<WeightModule, Map<String, NpyArray>> files,
            final HierEgoPackConfig given, final String givenName) throws ModelFormatException {
        final Inference inf = new Inference(files);
        final HierEgoPackConfig base = given != null ? given : HierEgoPackConfig.reference();
        final int hidden = inf.dim(WeightModule.BACKBONE, "proj.1.weight", 0, "hidden");
        final int inputDim = inf.dim(WeightModule.BACKBONE, "proj.1.weight", 1, "input_dim");
        int depth = 0;
        for (final String key : files.get(WeightModule.BACKBONE).keySet()) {
            final Matcher m = LAYER.matcher(key);
            if (m.matches()) {
                depth = Math.max(depth, Integer.parseInt(m.group(1)) + 1);
            }
        }
        if (depth == 0) {
            throw new ModelFormatException("backbone.npz: no 'layers.<d>.*' key (a backbone has at least one level)");
        }
        inf.record("depth", depth, "backbone.npz:layers.<d>.* (levels 0.." + (depth - 1) + ")");
        final int gateHidden = inf.dim(WeightModule.BACKBONE, "layers.0.module_1.lin_pos.0.weight", 0, "gate_hidden");
        final List<Task> heads = new ArrayList<>();
        for (final Task t : Task.values()) {
            final WeightModule m = WeightModule.headOf(t);
            if (!files.containsKey(m)) {
                continue;
            }
            heads.add(t);
            inf.dim(m, "projector.net.1.weight", 0, "feature_size");
            inf.dim(m, "projector.net.1.weight", 1, "hidden");
            switch (t) {
                case AR -> {
                    inf.dim(m, "verb_classifier.net.0.weight", 0, "ar_classifier_hidden");
                    inf.dim(m, "verb_classifier.cls.weight", 0, "num_verbs");
                    inf.dim(m, "noun_classifier.cls.weight", 0, "num_nouns");
                }
                case OSCC -> inf.dim(m, "classifier.net.0.weight", 0, "oscc_classifier_hidden");
                case PNR -> {
                }
                case LTA -> {
                    inf.dim(m, "head.module_0.lin_pos.0.weight", 0, "lta_gate_hidden");
                    inf.dim(m, "verb_classifier.net.0.weight", 0, "lta_classifier_hidden");
                    inf.dim(m, "verb_classifier.cls.weight", 0, "num_verbs");
                    inf.dim(m, "noun_classifier.cls.weight", 0, "num_nouns");
                }
                case MQ -> {
                    inf.dim(m, "scales", 0, "mq_scales");
                    inf.dim(m, "classifier.net.0.weight", 0, "mq_classifier_hidden");
                    inf.dim(m, "classifier.cls.weight", 0, "mq_classes");
                }
                default -> throw new IllegalStateException(t.name());
            }
        }
        EgoPackConfig egoPack = null;
        if (files.containsKey(WeightModule.EGOPACK)) {
            egoPack = inferEgoPack(inf, files.get(WeightModule.EGOPACK), given == null ? 8
                    : given.egoPack() != null ? given.egoPack().k() : EgoPackConfig.reference().k());
        }
        if (given != null) {
            inf.compare(given, givenName);
        }
        try {
            return new HierEgoPackConfig(inputDim, hidden, depth, gateHidden, base.edgeRadius(),
                    inf.value("feature_size", base.featureSize()),
                    inf.value("ar_classifier_hidden", base.arClassifierHidden()),
                    inf.value("oscc_classifier_hidden", base.osccClassifierHidden()),
                    inf.value("lta_classifier_hidden", base.ltaClassifierHidden()),
                    inf.value("mq_classifier_hidden", base.mqClassifierHidden()),
                    inf.value("lta_gate_hidden", base.ltaGateHidden()), base.ltaSteps(),
                    inf.value("num_verbs", base.numVerbs()), inf.value("num_nouns", base.numNouns()),
                    inf.value("mq_classes", base.mqClasses()),
                    inf.value("mq_scales", Math.max(base.mqScales(), depth)), heads, egoPack);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the checkpoint's sizes are inconsistent: " + e.getMessage(), e);
        }
    }

    private static EgoPackConfig inferEgoPack(final Inference inf, final Map<String, NpyArray> file, final int k)
            throws ModelFormatException {
        final List<Task> support = new ArrayList<>();
        for (final String key : file.keySet()) {
            final Matcher m = PROTOTYPES.matcher(key);
            if (m.matches()) {
                try {
                    support.add(HierEgoPackConfigJson.task(m.group(1), "egopack.npz:" + key));
                } catch (IllegalArgumentException e) {
                    throw new ModelFormatException(e.getMessage(), e);
                }
            }
        }
        if (support.isEmpty()) {
            throw new ModelFormatException("egopack.npz: no 'task_prototypes.<task>.weight' key");
        }
        int prototypes = -1;
        for (final Task t : support) {
            final String key = ParameterLayout.prototypesKey(t);
            prototypes = inf.dim(WeightModule.EGOPACK, key, 0, "egopack.prototypes");
            inf.dim(WeightModule.EGOPACK, key, 1, "feature_size");
        }
        final Task first = support.get(0);
        final int hidden = inf.dim(WeightModule.EGOPACK, ParameterLayout.stagePrefix(first, 0) + ".module_1.lin_l.weight", 0,
                "egopack.hidden");
        int convDepth = 0;
        while (file.containsKey(ParameterLayout.stagePrefix(first, 0) + ".module_" + (1 + 2 * convDepth) + ".lin_l.weight")) {
            convDepth++;
        }
        int stages = 0;
        while (file.containsKey(ParameterLayout.stagePrefix(first, stages) + ".module_1.lin_l.weight")) {
            stages++;
        }
        inf.record("egopack.conv_depth", convDepth, "egopack.npz:" + ParameterLayout.stagePrefix(first, 0)
                + ".module_<1,3,..>.*");
        inf.record("egopack.stages", stages, "egopack.npz:" + "stages." + WeightModule.officialTaskName(first) + ".<s>.*");
        try {
            return new EgoPackConfig(hidden, k, convDepth, stages, prototypes, support);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("egopack.npz: " + e.getMessage(), e);
        }
    }

    /** Inferred sizes with where each came from. */
    private static final class Inference {
        private final Map<WeightModule, Map<String, NpyArray>> files;
        private final Map<String, Integer> values = new LinkedHashMap<>();
        private final Map<String, String> sources = new LinkedHashMap<>();

        Inference(final Map<WeightModule, Map<String, NpyArray>> files) {
            this.files = files;
        }

        int dim(final WeightModule m, final String key, final int axis, final String field) throws ModelFormatException {
            final NpyArray a = files.get(m).get(key);
            if (a == null) {
                throw new ModelFormatException(m.fileName() + ": missing key '" + key + "' (needed to infer " + field + ")");
            }
            final long[] shape = a.shape();
            if (shape.length <= axis) {
                throw new ModelFormatException(m.fileName() + ": key '" + key + "' has shape " + a.shapeText()
                        + ", expected at least " + (axis + 1) + " dimensions");
            }
            final int v = (int) shape[axis];
            record(field, v, m.fileName() + ":" + key + " " + a.shapeText());
            return v;
        }

        void record(final String field, final int v, final String source) throws ModelFormatException {
            final Integer old = values.get(field);
            if (old != null && old != v) {
                throw new ModelFormatException(field + " disagrees: " + sources.get(field) + " gives " + old + " but "
                        + source + " gives " + v);
            }
            if (old == null) {
                values.put(field, v);
                sources.put(field, source);
            }
        }

        int value(final String field, final int fallback) {
            return values.getOrDefault(field, fallback);
        }

        void compare(final HierEgoPackConfig given, final String givenName) throws ModelFormatException {
            final Map<String, Integer> g = new LinkedHashMap<>();
            g.put("input_dim", given.inputDim());
            g.put("hidden", given.hidden());
            g.put("depth", given.depth());
            g.put("gate_hidden", given.gateHidden());
            g.put("feature_size", given.featureSize());
            g.put("ar_classifier_hidden", given.arClassifierHidden());
            g.put("oscc_classifier_hidden", given.osccClassifierHidden());
            g.put("lta_classifier_hidden", given.ltaClassifierHidden());
            g.put("mq_classifier_hidden", given.mqClassifierHidden());
            g.put("lta_gate_hidden", given.ltaGateHidden());
            g.put("num_verbs", given.numVerbs());
            g.put("num_nouns", given.numNouns());
            g.put("mq_classes", given.mqClasses());
            g.put("mq_scales", given.mqScales());
            if (given.egoPack() != null) {
                g.put("egopack.hidden", given.egoPack().hidden());
                g.put("egopack.prototypes", given.egoPack().prototypes());
                g.put("egopack.conv_depth", given.egoPack().convDepth());
                g.put("egopack.stages", given.egoPack().stages());
            }
            for (final Map.Entry<String, Integer> e : values.entrySet()) {
                final Integer want = g.get(e.getKey());
                if (want != null && !want.equals(e.getValue())) {
                    throw new ModelFormatException(e.getKey() + ": " + sources.get(e.getKey()) + " gives "
                            + e.getValue() + " but " + givenName + " has " + want);
                }
            }
        }
    }
}
