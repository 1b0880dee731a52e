package io.egostream.config;

import java.util.List;

/**
 * Group {@code model}: which model the analyzer loads, where it runs and how it batches.
 *
 * @param dir directory of the model artifacts; empty = the model {@code preset} names
 * @param preset the model run when {@code dir} is empty: {@code shipped} (the trained model shipped with
 *     EgoStream), or an untrained architecture preset ({@code reference} or {@code small})
 * @param device where the model runs
 * @param engine the DJL engine that runs it
 * @param featureDim dimension D of every feature frame
 * @param batchSize new frames (across a stream task's cameras) that trigger one batched model step
 * @param batchTimeMs longest time a new frame waits for its batch to fill, ms
 * @param openVocabularyDir directory of an open-vocabulary head ({@code egostream train open-vocab --out});
 *     empty = AR events carry no open-vocabulary labels
 * @param openVocabularyLabels the operator's labels, separated by {@code ;}, e.g. {@code pour water; cut onion}
 * @param openVocabularyTopK how many open-vocabulary labels each AR event carries
 */
public record ModelConfig(
        String dir, String preset, Device device, Engine engine, int featureDim, int batchSize, long batchTimeMs,
        String openVocabularyDir, String openVocabularyLabels, int openVocabularyTopK) {

    /** {@code model.dir}. */
    public static final ConfigKey DIR = ConfigKey.ofString("model.dir", "[^\\n\\r\\x00]*",
            "empty, or a directory path", "Directory of the model artifacts to load; empty loads the model "
                    + "model.preset names (by default the trained model shipped with EgoStream).");
    /** The {@code model.preset} value that loads the trained model shipped with EgoStream. */
    public static final String SHIPPED = "shipped";
    /** {@code model.preset}. */
    public static final ConfigKey PRESET = ConfigKey.ofChoice("model.preset", List.of(SHIPPED, "reference", "small"),
            "Model run when model.dir is empty: shipped (the trained default model shipped with EgoStream, 256-d "
                    + "frames), or a Hier-EgoPack architecture preset with untrained weights for benchmarks and "
                    + "tests: reference (the published sizes) or small (the golden-vector test size). Ignored "
                    + "when model.dir is set.");
    /** {@code model.device}. */
    public static final ConfigKey DEVICE = ConfigKey.ofEnum("model.device", Device.class,
            "Where the model runs: cpu, gpu (fails when there is none) or auto (a GPU when the engine sees one).");
    /** {@code model.engine}. */
    public static final ConfigKey ENGINE = ConfigKey.ofEnum("model.engine", Engine.class,
            "DJL engine: pytorch, or onnxruntime on the exported ONNX model.");
    /** {@code model.feature-dim}. */
    public static final ConfigKey FEATURE_DIM = ConfigKey.ofInt("model.feature-dim", 1, 65_536,
            "Feature dimension D of every frame (256 for EgoVLP); frames of another dimension go to the DLQ.");
    /** {@code model.batch-size}. */
    public static final ConfigKey BATCH_SIZE = ConfigKey.ofInt("model.batch-size", 1, 4096,
            "New frames (across the cameras of a stream task) that make the model run one batched step; "
                    + "32 by measurement (BENCHMARKS.md, Batching defaults).");
    /** {@code model.batch-time-ms}. */
    public static final ConfigKey BATCH_TIME_MS = ConfigKey.ofLong("model.batch-time-ms", 0, 60_000,
            "Longest time in ms a new frame waits for its batch to fill before the model runs anyway; 0 = never "
                    + "wait; 10 by measurement (BENCHMARKS.md, Batching defaults).");

    /** {@code model.open-vocabulary-dir}. */
    public static final ConfigKey OPEN_VOCABULARY_DIR = ConfigKey.ofString("model.open-vocabulary-dir",
            "[^\\n\\r\\x00]*", "empty, or a directory path", "Directory of an open-vocabulary AR head (written by "
                    + "egostream train open-vocab --out); empty = AR events carry no open-vocabulary labels.");
    /** {@code model.open-vocabulary-labels}. */
    public static final ConfigKey OPEN_VOCABULARY_LABELS = ConfigKey.ofString("model.open-vocabulary-labels",
            "[^\\n\\r\\x00]*", "labels separated by ';'", "The operator's free-text labels, separated by ';' (e.g. "
                    + "'pour water; cut onion'): AR events carry the best of them (head open_vocabulary); adding one "
                    + "needs no retraining; required when model.open-vocabulary-dir is set.");
    /** {@code model.open-vocabulary-top-k}. */
    public static final ConfigKey OPEN_VOCABULARY_TOP_K = ConfigKey.ofInt("model.open-vocabulary-top-k", 1, 100,
            "How many open-vocabulary labels (most probable first) each AR event carries.");

    /** Validates every field. */
    public ModelConfig {
        DIR.require(dir);
        PRESET.require(preset);
        DEVICE.require(device);
        ENGINE.require(engine);
        FEATURE_DIM.require(featureDim);
        BATCH_SIZE.require(batchSize);
        BATCH_TIME_MS.require(batchTimeMs);
        OPEN_VOCABULARY_DIR.require(openVocabularyDir);
        OPEN_VOCABULARY_LABELS.require(openVocabularyLabels);
        OPEN_VOCABULARY_TOP_K.require(openVocabularyTopK);
        if (!openVocabularyDir.isEmpty() && openVocabularyLabels.replace(";", "").isBlank()) {
            throw new ConfigException(OPEN_VOCABULARY_LABELS.name(), "Invalid value for "
                    + OPEN_VOCABULARY_LABELS.name() + ": '" + openVocabularyLabels + "' (at least one label, "
                    + "separated by ';', is required when " + OPEN_VOCABULARY_DIR.name() + " is set)");
        }
    }

    /**
     * Whether AR events carry open-vocabulary labels.
     *
     * @return true when {@link #openVocabularyDir} is set
     */
    public boolean openVocabulary() {
        return !openVocabularyDir.isEmpty();
    }

    /**
     * Whether the analyzer loads the trained model shipped with EgoStream.
     *
     * @return true when {@link #dir} is empty and {@link #preset} is {@value #SHIPPED}
     */
    public boolean shippedModel() {
        return dir.isEmpty() && SHIPPED.equals(preset);
    }

    /**
     * Whether the analyzer runs an architecture preset with untrained weights.
     *
     * @return true when {@link #dir} is empty and {@link #preset} names an architecture preset
     */
    public boolean untrainedPreset() {
        return dir.isEmpty() && !SHIPPED.equals(preset);
    }

    static List<ConfigKey> keys() {
        return List.of(DIR, PRESET, DEVICE, ENGINE, FEATURE_DIM, BATCH_SIZE, BATCH_TIME_MS, OPEN_VOCABULARY_DIR,
                OPEN_VOCABULARY_LABELS, OPEN_VOCABULARY_TOP_K);
    }

    static ModelConfig from(final ConfigValues v) {
        return new ModelConfig(v.string(DIR), v.string(PRESET), v.enumValue(DEVICE, Device.class),
                v.enumValue(ENGINE, Engine.class), v.intValue(FEATURE_DIM), v.intValue(BATCH_SIZE),
                v.longValue(BATCH_TIME_MS), v.string(OPEN_VOCABULARY_DIR), v.string(OPEN_VOCABULARY_LABELS),
                v.intValue(OPEN_VOCABULARY_TOP_K));
    }
}
