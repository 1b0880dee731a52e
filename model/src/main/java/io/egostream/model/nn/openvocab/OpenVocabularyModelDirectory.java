package io.egostream.model.nn.openvocab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.JsonUtils;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyDtype;
import io.egostream.model.io.NpzFile;
import io.egostream.model.nn.ModelFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open-vocabulary model directory, format version {@value #FORMAT_VERSION}:
 * <pre>
 * DIR/
 *   open-vocabulary.json  {"format": "egostream-open-vocabulary", "format_version": 1, "model_id": "...",
 *                          "text_encoder": "all-MiniLM-L6-v2", "target": "verb",
 *                          "config": {"feature_dim": 256, "text_dim": 384, "adapter_hidden": 256,
 *                                     "prompt": "a person is going to {}", "initial_temperature": 0.07},
 *                          "trained_labels": ["take", "put", ...]}
 *   weights.npz           float32 arrays named as in {@link OpenVocabularyParameters}
 * </pre>
 * Reading checks the format name and version, the configuration, and every array's name, shape, dtype and
 * finiteness; a failure is a {@link ModelFormatException} naming the file and key.
 */
public final class OpenVocabularyModelDirectory {

    /** The {@code format} value. */
    public static final String FORMAT = "egostream-open-vocabulary";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest file name. */
    public static final String MANIFEST = "open-vocabulary.json";
    /** The weight file name. */
    public static final String WEIGHTS = "weights.npz";

    private OpenVocabularyModelDirectory() {}

    /**
     * Writes a model into a directory (created if absent; existing files of the same names are replaced).
     *
     * @param dir the directory
     * @param model the model
     * @throws IOException when a file cannot be written
     */
    public static void write(final Path dir, final OpenVocabularyModel model) throws IOException {
        Files.createDirectories(dir);
        final OpenVocabularyConfig c = model.config();
        final Map<String, Object> config = new LinkedHashMap<>();
        config.put("feature_dim", c.featureDim());
        config.put("text_dim", c.textDim());
        config.put("adapter_hidden", c.adapterHidden());
        config.put("prompt", c.prompt().pattern());
        config.put("initial_temperature", c.initialTemperature());
        final Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("format_version", FORMAT_VERSION);
        manifest.put("model_id", model.modelId());
        manifest.put("text_encoder", model.textEncoder());
        manifest.put("target", model.target());
        manifest.put("config", config);
        manifest.put("trained_labels", model.trainedLabels());
        Files.writeString(dir.resolve(MANIFEST), JsonUtils.GSON_PRETTY.toJson(manifest) + "\n", StandardCharsets.UTF_8);
        final Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (final String name : OpenVocabularyParameters.shapes(c).keySet()) {
            final NDArray a = model.arrays().get(name);
            arrays.put(name, NpyArray.ofFloats(a.getShape().getShape(), a.toFloatArray()));
        }
        NpzFile.write(dir.resolve(WEIGHTS), arrays);
    }

    /**
     * Reads a model.
     *
     * @param dir the directory
     * @param manager owns the arrays
     * @return the model
     * @throws ModelFormatException for a missing or malformed file, naming it and the key
     */
    public static OpenVocabularyModel read(final Path dir, final NDManager manager) throws ModelFormatException {
        final Path file = dir.resolve(MANIFEST);
        final Map<?, ?> m = readJson(file);
        if (!FORMAT.equals(m.get("format"))) {
            throw new ModelFormatException(file + ": format is '" + m.get("format") + "', expected '" + FORMAT + "'");
        }
        if (!(m.get("format_version") instanceof Number v) || v.doubleValue() != FORMAT_VERSION) {
            throw new ModelFormatException(file + ": format_version " + m.get("format_version")
                    + " is not supported (this EgoStream reads " + FORMAT_VERSION + ")");
        }
        final OpenVocabularyConfig config;
        final List<String> labels = new ArrayList<>();
        try {
            if (!(m.get("config") instanceof Map<?, ?> c)) {
                throw new IllegalArgumentException("config (object) is required");
            }
            config = new OpenVocabularyConfig(integer(c, "feature_dim"), integer(c, "text_dim"),
                    integer(c, "adapter_hidden"), new PromptTemplate(string(c, "prompt")),
                    number(c, "initial_temperature"));
            if (!(m.get("trained_labels") instanceof List<?> list)) {
                throw new IllegalArgumentException("trained_labels (array of strings) is required");
            }
            for (final Object label : list) {
                labels.add(String.valueOf(label));
            }
            final Map<String, NDArray> arrays = readArrays(dir.resolve(WEIGHTS), manager);
            OpenVocabularyParameters.check(config, arrays, dir.resolve(WEIGHTS).toString());
            return new OpenVocabularyModel(string(m, "model_id"), string(m, "text_encoder"), string(m, "target"),
                    labels, new OpenVocabularyHead(config, arrays));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, NDArray> readArrays(final Path file, final NDManager manager)
            throws ModelFormatException {
        final Map<String, NpyArray> npz;
        try {
            npz = NpzFile.read(file);
        } catch (IOException e) {
            throw new ModelFormatException(file + ": missing or unreadable: " + e.getMessage(), e);
        }
        final Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (final Map.Entry<String, NpyArray> e : npz.entrySet()) {
            if (e.getValue().dtype() != NpyDtype.FLOAT32) {
                throw new ModelFormatException(file + ": array '" + e.getKey() + "' must be float32, got "
                        + e.getValue().dtype());
            }
            arrays.put(e.getKey(), manager.create(e.getValue().toFloats(), new Shape(e.getValue().shape())));
        }
        return arrays;
    }

    private static Map<?, ?> readJson(final Path file) throws ModelFormatException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file + ": missing (not an open-vocabulary model directory)");
        }
        final Object parsed;
        try {
            parsed = JsonUtils.GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Object.class);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(file + ": unreadable or not valid JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new ModelFormatException(file + ": must hold a JSON object");
        }
        return map;
    }

    private static int integer(final Map<?, ?> map, final String key) {
        final double v = number(map, key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be an integer, got " + v);
        }
        return (int) v;
    }

    private static double number(final Map<?, ?> map, final String key) {
        if (!(map.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(key + " (number) is required, got " + map.get(key));
        }
        return n.doubleValue();
    }

    private static String string(final Map<?, ?> map, final String key) {
        if (!(map.get(key) instanceof String s)) {
            throw new IllegalArgumentException(key + " (string) is required, got " + map.get(key));
        }
        return s;
    }
}
