package io.egostream.text.openvocab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.openvocab.OpenVocabularyModel;
import io.egostream.model.nn.openvocab.OpenVocabularyModelDirectory;
import io.egostream.text.TextEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores video features against a set of free-text labels with an open-vocabulary head
 * ({@link io.egostream.model.nn.openvocab.OpenVocabularyHead}, trained by {@code egostream train open-vocab}).
 * Each label is written into the model's prompt template and embedded once with the text encoder when the
 * label set is set; {@link #setLabels} and {@link #addLabel} change the set while running, without retraining
 * (an operator adds "pour water" and the next windows are scored against it).
 *
 * <pre>{@code
 * try (TextEncoder encoder = TextEncoder.openDefault();
 *      NDManager manager = NDManager.newBaseManager("PyTorch");
 *      OpenVocabularyClassifier c = OpenVocabularyClassifier.open(modelDir, encoder,
 *              List.of("cut onion", "open fridge"), manager)) {
 *     c.addLabel("pour water");
 *     List<LabelScore> best = c.top(meanFeatureOfTheWindow, 3, OpenVocabularyClassifier.HEAD);
 * }
 * }</pre>
 *
 * <p>Methods are synchronized; one instance may be shared by threads.
 */
public final class OpenVocabularyClassifier implements AutoCloseable {

    /** The head name the labels carry in events ({@link LabelScore#head()}). */
    public static final String HEAD = "open_vocabulary";
    /** The text encoder of {@link TextEncoder}, as model directories name it. */
    public static final String TEXT_ENCODER = "all-MiniLM-L6-v2";

    private final OpenVocabularyModel model;
    private final TextEncoder encoder;
    private final NDManager manager;
    private List<String> labels = List.of();
    private NDArray labelEmbeddings;

    private OpenVocabularyClassifier(final OpenVocabularyModel model, final TextEncoder encoder,
            final NDManager manager) {
        this.model = model;
        this.encoder = encoder;
        this.manager = manager;
    }

    /**
     * Loads a model directory and embeds a label set.
     *
     * @param modelDir an open-vocabulary model directory
     * @param encoder the text encoder (not closed by this classifier)
     * @param labels the initial labels, e.g. {@code ["cut onion", "pour water"]}
     * @param parent the engine manager the classifier's arrays live under (a child manager is created and
     *     closed with the classifier); its engine runs the head (PyTorch)
     * @return the classifier
     * @throws ModelFormatException when the directory is missing or malformed, or its model was trained with
     *     class embeddings of another text encoder or width
     * @throws IllegalArgumentException when the labels are empty, blank or repeated
     */
    public static OpenVocabularyClassifier open(final Path modelDir, final TextEncoder encoder,
            final List<String> labels, final NDManager parent) throws ModelFormatException {
        final NDManager manager = parent.newSubManager();
        try {
            final OpenVocabularyModel model = OpenVocabularyModelDirectory.read(modelDir, manager);
            if (!TEXT_ENCODER.equals(model.textEncoder()) || model.config().textDim() != encoder.dimension()) {
                throw new ModelFormatException(modelDir + ": model " + model.modelId() + " expects "
                        + model.config().textDim() + "-d embeddings of " + model.textEncoder() + "; this EgoStream"
                        + " embeds labels with " + TEXT_ENCODER + " (" + encoder.dimension() + "-d)");
            }
            final OpenVocabularyClassifier classifier = new OpenVocabularyClassifier(model, encoder, manager);
            classifier.setLabels(labels);
            return classifier;
        } catch (ModelFormatException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The model.
     *
     * @return the loaded open-vocabulary model
     */
    public OpenVocabularyModel model() {
        return model;
    }

    /**
     * The feature width the head reads.
     *
     * @return D
     */
    public int featureDim() {
        return model.config().featureDim();
    }

    /**
     * The current label set.
     *
     * @return the labels, in score-column order
     */
    public synchronized List<String> labels() {
        return labels;
    }

    /**
     * Replaces the label set; the labels are embedded now (the encoder caches texts it has seen).
     *
     * @param newLabels at least one label, none blank or repeated
     * @throws IllegalArgumentException naming the problem
     */
    public synchronized void setLabels(final List<String> newLabels) {
        final List<String> checked = OpenVocabularyLabels.checked(newLabels);
        final List<String> prompts = new ArrayList<>();
        checked.forEach(l -> prompts.add(model.config().prompt().apply(l)));
        final float[][] vectors = encoder.embed(prompts);
        final float[] flat = new float[vectors.length * vectors[0].length];
        for (int i = 0; i < vectors.length; i++) {
            System.arraycopy(vectors[i], 0, flat, i * vectors[0].length, vectors[0].length);
        }
        final NDArray embeddings = manager.create(flat, new Shape(vectors.length, vectors[0].length));
        if (labelEmbeddings != null) {
            labelEmbeddings.close();
        }
        labelEmbeddings = embeddings;
        labels = checked;
    }

    /**
     * Adds one label to the set.
     *
     * @param label the new label, e.g. {@code pour water}
     * @throws IllegalArgumentException when it is blank or already in the set
     */
    public synchronized void addLabel(final String label) {
        final List<String> more = new ArrayList<>(labels);
        more.add(label);
        setLabels(more);
    }

    /**
     * Logits of features against the label set.
     *
     * @param features {@code [N][D]}
     * @return {@code [N][C]}: cosine / temperature, column j for {@code labels().get(j)}
     * @throws IllegalArgumentException naming the width when a feature is not D-dimensional
     */
    public synchronized float[][] logits(final float[][] features) {
        return run(features, false);
    }

    /**
     * Probabilities of features over the label set (softmax of the logits).
     *
     * @param features {@code [N][D]}
     * @return {@code [N][C]}, each row summing to 1
     */
    public synchronized float[][] probabilities(final float[][] features) {
        return run(features, true);
    }

    /**
     * The best labels of one feature.
     *
     * @param feature {@code [D]}, e.g. the mean feature of a window
     * @param k how many, at least 1 (fewer when the set is smaller)
     * @param head the head name the scores carry, e.g. {@link #HEAD}
     * @return up to k labels, most probable first, id = column in {@link #labels()}, score = probability
     */
    public synchronized List<LabelScore> top(final float[] feature, final int k, final String head) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k needs k >= 1, got " + k);
        }
        final float[] p = run(new float[][] {feature}, true)[0];
        final List<Integer> order = new ArrayList<>();
        for (int j = 0; j < p.length; j++) {
            order.add(j);
        }
        order.sort((a, b) -> p[a] != p[b] ? Float.compare(p[b], p[a]) : Integer.compare(a, b));
        final List<LabelScore> out = new ArrayList<>();
        for (final int j : order.subList(0, Math.min(k, order.size()))) {
            out.add(new LabelScore(head, labels.get(j), j, Math.max(0.0, Math.min(1.0, p[j]))));
        }
        return out;
    }

    private float[][] run(final float[][] features, final boolean softmax) {
        final int d = featureDim();
        final float[] flat = new float[features.length * d];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != d) {
                throw new IllegalArgumentException("feature " + i + " has " + features[i].length
                        + " values; the open-vocabulary head " + model.modelId() + " reads " + d);
            }
            System.arraycopy(features[i], 0, flat, i * d, d);
        }
        final int c = labels.size();
        final float[] out;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            final NDArray x = manager.create(flat, new Shape(features.length, d));
            NDArray logits = model.head().logits(x, labelEmbeddings);
            if (softmax) {
                logits = logits.softmax(1);
            }
            out = logits.toFloatArray();
        }
        final float[][] rows = new float[features.length][c];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(out, i * c, rows[i], 0, c);
        }
        return rows;
    }

    /** Frees the model's arrays and the label embeddings (not the encoder). */
    @Override
    public synchronized void close() {
        manager.close();
    }
}
