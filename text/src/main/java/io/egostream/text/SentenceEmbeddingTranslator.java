package io.egostream.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * Texts to BERT inputs and the model's token vectors to sentence embeddings.
 *
 * <p>Input: {@code B} texts. Model inputs: {@code input_ids}, {@code attention_mask},
 * {@code token_type_ids}, each int64 {@code [B, T]} with {@code T} the longest tokenized text of the
 * batch (shorter ones are padded and masked). Model output {@code last_hidden_state}: float32
 * {@code [B, T, 384]}. Result: {@code [B][384]} mean-pooled over the mask and L2-normalised.
 */
final class SentenceEmbeddingTranslator implements NoBatchifyTranslator<List<String>, float[][]> {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String HIDDEN_STATE = "last_hidden_state";

    private static final String MASK_KEY = "egostream.mask";
    private static final String TOKENS_KEY = "egostream.tokens";

    private final HuggingFaceTokenizer tokenizer;
    private final int width;

    /**
     * Creates the translator.
     *
     * @param tokenizer the model's tokenizer, set to pad to the longest text and truncate
     * @param width the embedding width the model must return
     */
    SentenceEmbeddingTranslator(final HuggingFaceTokenizer tokenizer, final int width) {
        this.tokenizer = tokenizer;
        this.width = width;
    }

    @Override
    public NDList processInput(final TranslatorContext ctx, final List<String> texts) {
        final Encoding[] encodings = tokenizer.batchEncode(texts);
        final int batch = encodings.length;
        final int tokens = encodings[0].getIds().length;
        final long[] ids = new long[batch * tokens];
        final long[] mask = new long[batch * tokens];
        final long[] types = new long[batch * tokens];
        for (int b = 0; b < batch; b++) {
            copyRow(encodings[b].getIds(), ids, b, tokens);
            copyRow(encodings[b].getAttentionMask(), mask, b, tokens);
            copyRow(encodings[b].getTypeIds(), types, b, tokens);
        }
        ctx.setAttachment(MASK_KEY, mask);
        ctx.setAttachment(TOKENS_KEY, tokens);
        final NDManager manager = ctx.getNDManager();
        final Shape shape = new Shape(batch, tokens);
        return new NDList(
                named(manager.create(ids, shape), INPUT_IDS),
                named(manager.create(mask, shape), ATTENTION_MASK),
                named(manager.create(types, shape), TOKEN_TYPE_IDS));
    }

    @Override
    public float[][] processOutput(final TranslatorContext ctx, final NDList output) {
        final NDArray hidden = output.contains(HIDDEN_STATE) ? output.get(HIDDEN_STATE) : output.head();
        final long[] mask = (long[]) ctx.getAttachment(MASK_KEY);
        final int tokens = (Integer) ctx.getAttachment(TOKENS_KEY);
        final int batch = mask.length / tokens;
        final Shape expected = new Shape(batch, tokens, width);
        if (!hidden.getShape().equals(expected)) {
            throw new IllegalStateException(
                    "model returned " + hidden.getShape() + ", expected " + expected);
        }
        return MeanPooling.poolAndNormalize(hidden.toFloatArray(), mask, batch, tokens, width);
    }

    private static void copyRow(final long[] row, final long[] into, final int b, final int tokens) {
        if (row.length != tokens) {
            throw new IllegalStateException(
                    "tokenizer returned rows of " + row.length + " and " + tokens + " tokens");
        }
        System.arraycopy(row, 0, into, b * tokens, tokens);
    }

    private static NDArray named(final NDArray array, final String name) {
        array.setName(name);
        return array;
    }
}
