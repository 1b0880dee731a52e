package io.egostream.model.videotext;

import ai.djl.util.JsonUtils;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyDtype;
import io.egostream.model.io.NpzFile;
import io.egostream.model.nn.ModelFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The saved video-text model, format version {@value #FORMAT_VERSION}:
 * <pre>
 * MODEL_DIR/
 *   video-text.json  {"format": "egostream-video-text", "format_version": 1, "model_id": "...",
 *                     "text_encoder": "all-MiniLM-L6-v2",
 *                     "config": {"input_dim": 256, "hidden_dim": 256, "text_dim": 384, "max_segment_frames": 16,
 *                                "chunk_frames": 8, "window_chunks": 16, "window_hop_chunks": 8},
 *                     "training": {...what the trainer wants to record, not read back...}}
 *   weights.npz      float32 arrays named and shaped as {@link VideoTextParameters#layout}
 * </pre>
 * Loading checks the format name and version, every size, and that the weights are exactly the layout's arrays,
 * float32 and finite; each problem is a {@link ModelFormatException} naming the file and key.
 */
public final class VideoTextModelDirectory {

    /** The {@code format} value. */
    public static final String FORMAT = "egostream-video-text";
    /** The format version written and read. */
    public static final int FORMAT_VERSION = 1;
    /** The manifest file. */
    public static final String MANIFEST = "video-text.json";
    /** The weight file. */
    public static final String WEIGHTS = "weights.npz";
    /** Classpath folder of the model EgoStream ships (see its {@code NOTICE.md}). */
    public static final String SHIPPED = "/io/egostream/model/videotext/default/";
    /** The text encoder whose space the embeddings live in. */
    public static final String TEXT_ENCODER = "all-MiniLM-L6-v2";

    private VideoTextModelDirectory() {
    }

    /**
     * Writes a model (creating the directory; replacing the two files if present).
     *
     * @param dir the model directory
     * @param model the model
     * @param training what to record about how it was trained (JSON-able values), may be empty
     * @throws IOException when writing fails
     */
    public static void save(final Path dir, final VideoTextModel model, final Map<String, ?> training)
            throws IOException {
        Files.createDirectories(dir);
        final Map<String, NpyArray> arrays = new LinkedHashMap<>();
        VideoTextParameters.layout(model.config()).forEach((name, shape) ->
                arrays.put(name, NpyArray.ofFloats(shape, model.weight(name))));
        NpzFile.write(dir.resolve(WEIGHTS), arrays);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", FORMAT_VERSION);
        m.put("model_id", model.modelId());
        m.put("text_encoder", TEXT_ENCODER);
        m.put("config", configMap(model.config()));
        m.put("weights", WEIGHTS);
        m.put("training", training);
        Files.writeString(dir.resolve(MANIFEST), JsonUtils.builder().serializeNulls().setPrettyPrinting()
                .disableHtmlEscaping().create().toJson(m) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Reads a model.
     *
     * @param dir the model directory
     * @return the model
     * @throws ModelFormatException for a missing or malformed file, naming it
     */
    public static VideoTextModel load(final Path dir) throws ModelFormatException {
        final Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file + ": missing (not an EgoStream video-text model directory)");
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
        if (!FORMAT.equals(m.get("format"))) {
            throw new ModelFormatException(file + ": format is '" + m.get("format") + "', expected '" + FORMAT + "'");
        }
        if (!(m.get("format_version") instanceof Number v) || v.doubleValue() != FORMAT_VERSION) {
            throw new ModelFormatException(file + ": format_version " + m.get("format_version")
                    + " is not supported (this EgoStream reads " + FORMAT_VERSION + ")");
        }
        if (!(m.get("model_id") instanceof String id) || !(m.get("config") instanceof Map<?, ?> c)) {
            throw new ModelFormatException(file + ": model_id (string) and config (object) are required");
        }
        final VideoTextConfig config;
        try {
            config = new VideoTextConfig(intOf(c, "input_dim", file), intOf(c, "hidden_dim", file),
                    intOf(c, "text_dim", file), intOf(c, "max_segment_frames", file), intOf(c, "chunk_frames", file),
                    intOf(c, "window_chunks", file), intOf(c, "window_hop_chunks", file));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": config: " + e.getMessage(), e);
        }
        final Path weights = dir.resolve(WEIGHTS);
        final Map<String, NpyArray> arrays;
        try {
            arrays = NpzFile.read(weights);
        } catch (IOException e) {
            throw new ModelFormatException(weights + ": " + e.getMessage(), e);
        }
        final Map<String, float[]> values = new LinkedHashMap<>();
        for (final Map.Entry<String, long[]> e : VideoTextParameters.layout(config).entrySet()) {
            final NpyArray a = arrays.get(e.getKey());
            if (a == null) {
                throw new ModelFormatException(weights + ": array " + e.getKey() + " is missing");
            }
            if (a.dtype() != NpyDtype.FLOAT32 || !Arrays.equals(a.shape(), e.getValue())) {
                throw new ModelFormatException(weights + ": array " + e.getKey() + " is "
                        + a.dtype().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + a.shapeText() + ", expected float32 " + NpyArray.shapeText(e.getValue()));
            }
            values.put(e.getKey(), a.toFloats());
        }
        for (final String name : arrays.keySet()) {
            if (!values.containsKey(name)) {
                throw new ModelFormatException(weights + ": unexpected array " + name);
            }
        }
        try {
            return new VideoTextModel(id, config, values);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(weights + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model shipped as classpath resources (the two files under one folder), through a temporary copy
     * that is deleted afterwards.
     *
     * @param folder the classpath folder, e.g. {@link #SHIPPED}
     * @return the model
     * @throws ModelFormatException when a file is missing or malformed
     */
    public static VideoTextModel loadResource(final String folder) throws ModelFormatException {
        final Path tmp;
        try {
            tmp = Files.createTempDirectory("egostream-video-text");
        } catch (IOException e) {
            throw new ModelFormatException("cannot create a temporary directory for the model: " + e.getMessage(), e);
        }
        try {
            for (final String name : new String[] {MANIFEST, WEIGHTS}) {
                try (java.io.InputStream in = VideoTextModelDirectory.class.getResourceAsStream(folder + name)) {
                    if (in == null) {
                        throw new ModelFormatException("classpath resource " + folder + name + " is missing");
                    }
                    Files.copy(in, tmp.resolve(name));
                }
            }
            return load(tmp);
        } catch (IOException e) {
            throw new ModelFormatException("cannot read classpath model " + folder + ": " + e.getMessage(), e);
        } finally {
            for (final String name : new String[] {MANIFEST, WEIGHTS}) {
                tmp.resolve(name).toFile().delete();
            }
            tmp.toFile().delete();
        }
    }

    private static Map<String, Object> configMap(final VideoTextConfig c) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_dim", c.inputDim());
        m.put("hidden_dim", c.hiddenDim());
        m.put("text_dim", c.textDim());
        m.put("max_segment_frames", c.maxSegmentFrames());
        m.put("chunk_frames", c.chunkFrames());
        m.put("window_chunks", c.windowChunks());
        m.put("window_hop_chunks", c.windowHopChunks());
        return m;
    }

    private static int intOf(final Map<?, ?> c, final String key, final Path file) throws ModelFormatException {
        if (!(c.get(key) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ModelFormatException(file + ": config." + key + " must be an integer, got " + c.get(key));
        }
        return n.intValue();
    }
}
