package io.egostream.stream.openvocab;

import ai.djl.ndarray.NDManager;
import io.egostream.config.ModelConfig;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.stream.inference.AnalyzerInference;
import io.egostream.stream.inference.CameraSession;
import io.egostream.stream.inference.CameraWork;
import io.egostream.stream.inference.ModelLoadException;
import io.egostream.stream.inference.TaskResult;
import io.egostream.text.TextEncoder;
import io.egostream.text.TextEncoderException;
import io.egostream.text.openvocab.OpenVocabularyClassifier;
import io.egostream.text.openvocab.OpenVocabularyLabels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyzer's inference with open-vocabulary labels: every AR result of the wrapped inference also carries
 * the {@code top-k} most probable of the operator's labels (head {@value OpenVocabularyClassifier#HEAD}, id =
 * the label's position in the configured list, score = probability over the configured labels), scored on the
 * mean feature vector of the AR window's frames. Labels come from configuration and are embedded once at
 * start-up; {@link #classifier()} can change them while running. Nothing is retrained.
 */
public final class OpenVocabularyInference implements AnalyzerInference {

    private final AnalyzerInference delegate;
    private final OpenVocabularyClassifier classifier;
    private final TextEncoder encoder;
    private final int topK;

    /**
     * Wraps an inference.
     *
     * @param delegate the inference whose AR results get open-vocabulary labels (closed with this object)
     * @param classifier the open-vocabulary classifier (closed with this object)
     * @param encoder the classifier's text encoder, closed with this object; null when the caller owns it
     * @param topK labels per AR result, &gt;= 1
     */
    public OpenVocabularyInference(final AnalyzerInference delegate, final OpenVocabularyClassifier classifier,
            final TextEncoder encoder, final int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("open-vocabulary top-k must be >= 1, got " + topK);
        }
        this.delegate = delegate;
        this.classifier = classifier;
        this.encoder = encoder;
        this.topK = topK;
    }

    /**
     * Wraps an inference as the {@code model.open-vocabulary-*} keys say: opens the text encoder, loads the head
     * of {@code model.open-vocabulary-dir} under {@code manager} and embeds {@code model.open-vocabulary-labels}.
     *
     * @param delegate the inference to wrap
     * @param config the model group; {@link ModelConfig#openVocabulary()} must be true
     * @param manager the engine manager the head's arrays live under (a child manager is used)
     * @return the wrapping inference
     * @throws ModelLoadException naming the key when the head cannot be loaded or does not fit the frames
     */
    public static OpenVocabularyInference wrap(final AnalyzerInference delegate, final ModelConfig config,
            final NDManager manager) {
        final Path dir = Path.of(config.openVocabularyDir());
        final List<String> labels;
        try {
            labels = OpenVocabularyLabels.parse(config.openVocabularyLabels());
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(ModelConfig.OPEN_VOCABULARY_LABELS.name() + ": " + e.getMessage(), e);
        }
        TextEncoder encoder = null;
        try {
            encoder = TextEncoder.openDefault();
            final OpenVocabularyClassifier classifier = OpenVocabularyClassifier.open(dir, encoder, labels, manager);
            if (classifier.featureDim() != config.featureDim()) {
                classifier.close();
                throw new ModelLoadException(ModelConfig.OPEN_VOCABULARY_DIR.name() + ": the head in " + dir
                        + " reads " + classifier.featureDim() + "-d features but " + ModelConfig.FEATURE_DIM.name()
                        + " is " + config.featureDim(), null);
            }
            return new OpenVocabularyInference(delegate, classifier, encoder, config.openVocabularyTopK());
        } catch (ModelFormatException | TextEncoderException | IllegalArgumentException e) {
            closeQuietly(encoder);
            throw new ModelLoadException(ModelConfig.OPEN_VOCABULARY_DIR.name() + ": cannot load the open-vocabulary "
                    + "head: " + e.getMessage(), e);
        } catch (ModelLoadException e) {
            closeQuietly(encoder);
            throw e;
        }
    }

    /**
     * The classifier, for changing the label set while running ({@link OpenVocabularyClassifier#addLabel}).
     *
     * @return the classifier
     */
    public OpenVocabularyClassifier classifier() {
        return classifier;
    }

    @Override
    public ModelRef model() {
        return delegate.model();
    }

    @Override
    public List<TaskResult> step(final List<CameraWork> work) {
        final List<TaskResult> results = delegate.step(work);
        final Map<CameraSession, CameraWork> bySession = new HashMap<>();
        work.forEach(w -> bySession.put(w.session(), w));
        final List<TaskResult> out = new ArrayList<>(results.size());
        for (final TaskResult r : results) {
            final CameraWork w = bySession.get(r.session());
            if (r.task() != Task.AR || w == null) {
                out.add(r);
                continue;
            }
            final List<LabelScore> labels = new ArrayList<>(r.labels());
            labels.addAll(classifier.top(mean(w.history().features(r.frames().first(), r.frames().last())), topK,
                    OpenVocabularyClassifier.HEAD));
            out.add(new TaskResult(r.session(), r.task(), r.status(), r.frames(), r.startSeconds(), r.endSeconds(),
                    labels, r.future(), r.keyframeIndex(), r.keyframeScore()));
        }
        return out;
    }

    /** The mean of {@code [n][D]} vectors. */
    static float[] mean(final float[][] frames) {
        final float[] mean = new float[frames[0].length];
        for (final float[] frame : frames) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += frame[d];
            }
        }
        for (int d = 0; d < mean.length; d++) {
            mean[d] /= frames.length;
        }
        return mean;
    }

    @Override
    public double momentLagSeconds() {
        return delegate.momentLagSeconds();
    }

    @Override
    public void release(final CameraSession session) {
        delegate.release(session);
    }

    @Override
    public void close() {
        try {
            classifier.close();
            closeQuietly(encoder);
        } finally {
            delegate.close();
        }
    }

    private static void closeQuietly(final TextEncoder encoder) {
        if (encoder != null) {
            encoder.close();
        }
    }
}
