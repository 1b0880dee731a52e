package io.egostream.model.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.util.JsonUtils;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpzFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The EgoStream model directory, format version {@value #FORMAT_VERSION}:
 * <pre>
 * MODEL_DIR/
 *   model.json         {"format": "egostream-hier-egopack", "format_version": 1, "model_id": "...",
 *                       "config": {...HierEgoPackConfigJson...}, "vocabularies": "vocabularies.json",
 *                       "weights": {"backbone": "weights/backbone.npz", "head_ar": ..., "egopack": ...}}
 *   vocabularies.json  {"verbs": [...], "nouns": [...], "mq_classes": [...]}
 *   weights/&lt;module&gt;.npz  float32 arrays keyed by the official state_dict names, one file per module
 * </pre>
 * Loading checks the format name and version, that every file exists and parses, that each weight file
 * has exactly the configuration's keys with the expected shapes, float32 and finite values; each failure
 * is a {@link ModelFormatException} naming the file and key. Loading never downloads anything.
 */
public final class ModelDirectory {

    /** The {@code format} value of {@code model.json}. */
    public static final String FORMAT = "egostream-hier-egopack";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest file name. */
    public static final String MANIFEST = "model.json";
    /** The vocabulary file name. */
    public static final String VOCABULARIES = "vocabularies.json";
    /** The weight folder name. */
    public static final String WEIGHTS = "weights";

    private ModelDirectory() {
    }

    /**
     * What {@code model.json} and {@code vocabularies.json} say.
     *
     * @param modelId the model id
     * @param config the configuration
     * @param vocabularies the class names
     */
    public record Manifest(String modelId, HierEgoPackConfig config, Vocabularies vocabularies) {
    }

    /**
     * Reads the manifest and vocabularies (no weights, no engine).
     *
     * @param dir the model directory
     * @return the manifest
     * @throws ModelFormatException for a missing or malformed file or an unknown format version
     */
    public static Manifest readManifest(final Path dir) throws ModelFormatException {
        final Path file = dir.resolve(MANIFEST);
        final Map<?, ?> m = readJsonObject(file, "not an EgoStream model directory");
        if (!FORMAT.equals(m.get("format"))) {
            throw new ModelFormatException(file + ": format is '" + m.get("format") + "', expected '" + FORMAT + "'");
        }
        final Object v = m.get("format_version");
        if (!(v instanceof Number n) || n.doubleValue() != FORMAT_VERSION) {
            throw new ModelFormatException(file + ": format_version " + v + " is not supported (this EgoStream reads "
                    + FORMAT_VERSION + ")");
        }
        final Object id = m.get("model_id");
        final Object cfg = m.get("config");
        if (!(id instanceof String sid) || !(cfg instanceof Map<?, ?> cfgMap)) {
            throw new ModelFormatException(file + ": model_id (string) and config (object) are required");
        }
        final HierEgoPackConfig config;
        try {
            HierEgoPackModel.requireId(sid);
            config = HierEgoPackConfigJson.fromMap(cfgMap, file + " config");
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
        final Path vf = dir.resolve(VOCABULARIES);
        final Map<?, ?> vm = readJsonObject(vf, "the class vocabularies are missing");
        final Vocabularies vocab;
        try {
            vocab = Vocabularies.fromMap(vm, vf.toString(), config, true);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
        return new Manifest(sid, config, vocab);
    }

    /**
     * Reads and checks the weight files of a model directory (no engine).
     *
     * @param dir the model directory
     * @param config its configuration
     * @return the arrays by module and key
     * @throws ModelFormatException for a missing, corrupt or mismatching file
     */
    public static Map<WeightModule, Map<String, NpyArray>> readWeights(final Path dir, final HierEgoPackConfig config)
            throws ModelFormatException {
        final ParameterLayout layout = ParameterLayout.of(config);
        final Map<WeightModule, Map<String, NpyArray>> out = new EnumMap<>(WeightModule.class);
        for (final WeightModule m : layout.modules()) {
            final Path f = dir.resolve(WEIGHTS).resolve(m.fileName());
            final Map<String, NpyArray> arrays;
            try {
                arrays = NpzFile.read(f);
            } catch (IOException e) {
                throw new ModelFormatException(e.getMessage(), e);
            }
            try {
                WeightCheck.check(layout, m, arrays);
            } catch (ModelFormatException e) {
                throw new ModelFormatException(WEIGHTS + "/" + e.getMessage(), e);
            }
            out.put(m, arrays);
        }
        return out;
    }

    /**
     * @param dir the model directory
     * @param parent the manager the parameters' manager is a child of
     * @return the loaded model
     * @throws ModelFormatException if anything is missing or malformed
     */
    public static HierEgoPackModel load(final Path dir, final NDManager parent) throws ModelFormatException {
        final Manifest manifest = readManifest(dir);
        final Map<WeightModule, Map<String, NpyArray>> arrays = readWeights(dir, manifest.config());
        final HierEgoPackWeights w = HierEgoPackWeights.fromNpy(manifest.config(), parent, arrays);
        return new HierEgoPackModel(manifest.modelId(), manifest.vocabularies(), w);
    }

    /**
     * @param dir target directory: must not exist, or be empty
     * @param model the model
     * @throws IOException if writing fails
     * @throws ModelFormatException if the parameters are not finite
     */
    public static void save(final Path dir, final HierEgoPackModel model) throws IOException, ModelFormatException {
        write(dir, model.id(), model.config(), model.vocabularies(), model.weights().toNpy());
    }

    /**
     * Writes a model directory after checking everything; on any error nothing is left behind.
     *
     * @param dir target directory: must not exist, or be empty
     * @param modelId the model id
     * @param config the configuration
     * @param vocabularies the class names
     * @param weights the arrays by module and official key
     * @throws IOException if the target is not empty or writing fails
     * @throws ModelFormatException if the weights do not match the configuration
     */
    public static void write(final Path dir, final String modelId, final HierEgoPackConfig config,
            final Vocabularies vocabularies, final Map<WeightModule, Map<String, NpyArray>> weights)
            throws IOException, ModelFormatException {
        HierEgoPackModel.requireId(modelId);
        vocabularies.requireSizes(config);
        final ParameterLayout layout = ParameterLayout.of(config);
        for (final WeightModule m : layout.modules()) {
            final Map<String, NpyArray> arrays = weights.get(m);
            if (arrays == null) {
                throw new ModelFormatException(m.fileName() + ": missing (the configuration has this module)");
            }
            WeightCheck.check(layout, m, arrays);
        }
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new IOException(dir + ": exists and is not an empty directory; choose a new model directory");
        }
        final Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        final Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".writing-");
        try {
            Files.createDirectories(tmp.resolve(WEIGHTS));
            final Map<String, Object> files = new LinkedHashMap<>();
            for (final WeightModule m : layout.modules()) {
                final Map<String, NpyArray> ordered = new LinkedHashMap<>();
                for (final String key : layout.specs(m).keySet()) {
                    ordered.put(key, weights.get(m).get(key));
                }
                NpzFile.write(tmp.resolve(WEIGHTS).resolve(m.fileName()), ordered);
                files.put(m.fileStem(), WEIGHTS + "/" + m.fileName());
            }
            final Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("format_version", FORMAT_VERSION);
            manifest.put("model_id", modelId);
            manifest.put("config", HierEgoPackConfigJson.toMap(config));
            manifest.put("vocabularies", VOCABULARIES);
            manifest.put("weights", files);
            Files.writeString(tmp.resolve(MANIFEST), json(manifest) + "\n", StandardCharsets.UTF_8);
            final Map<String, Object> vocab = new LinkedHashMap<>();
            vocab.put("verbs", vocabularies.verbs());
            vocab.put("nouns", vocabularies.nouns());
            vocab.put("mq_classes", vocabularies.mqClasses());
            Files.writeString(tmp.resolve(VOCABULARIES), json(vocab) + "\n", StandardCharsets.UTF_8);
            if (Files.exists(dir)) {
                Files.delete(dir);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    static String json(final Object value) {
        return JsonUtils.builder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(value);
    }

    private static Map<?, ?> readJsonObject(final Path file, final String whenMissing) throws ModelFormatException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file + ": missing (" + whenMissing + ")");
        }
        final Object parsed;
        try {
            parsed = JsonUtils.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Object.class);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(file + ": unreadable or not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new ModelFormatException(file + ": must hold a JSON object");
        }
        return m;
    }

    private static boolean isEmpty(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(final Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (final Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
