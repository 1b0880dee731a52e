package io.egostream.text;

/**
 * Sentence-transformers pooling: the mean of the token vectors that the attention mask keeps, then L2
 * normalisation. Pure Java, on the flat arrays the engine returns.
 */
final class MeanPooling {

    /** Floor of the kept-token count, as sentence-transformers clamps it. */
    private static final double MIN_TOKENS = 1e-9;
    /** Floor of the vector norm, as {@code torch.nn.functional.normalize}. */
    private static final double MIN_NORM = 1e-12;

    private MeanPooling() {}

    /**
     * Pools token vectors into one unit vector per text.
     *
     * @param hidden token vectors, row-major {@code [batch, tokens, width]}
     * @param mask attention mask, row-major {@code [batch, tokens]}: 1 keeps a token, 0 ignores it
     * @param batch number of texts
     * @param tokens padded token count per text
     * @param width vector width (384 for all-MiniLM-L6-v2)
     * @return {@code [batch][width]} vectors of L2 norm 1 (or all zeros if a text kept no token)
     */
    static float[][] poolAndNormalize(
            final float[] hidden, final long[] mask, final int batch, final int tokens, final int width) {
        if (hidden.length != (long) batch * tokens * width) {
            throw new IllegalArgumentException("hidden has " + hidden.length + " values, expected "
                    + batch + " x " + tokens + " x " + width);
        }
        if (mask.length != (long) batch * tokens) {
            throw new IllegalArgumentException(
                    "mask has " + mask.length + " values, expected " + batch + " x " + tokens);
        }
        final float[][] out = new float[batch][];
        for (int b = 0; b < batch; b++) {
            out[b] = poolOne(hidden, mask, b, tokens, width);
        }
        return out;
    }

    private static float[] poolOne(
            final float[] hidden, final long[] mask, final int b, final int tokens, final int width) {
        final double[] sum = new double[width];
        double kept = 0;
        for (int t = 0; t < tokens; t++) {
            final long m = mask[b * tokens + t];
            if (m == 0) {
                continue;
            }
            kept += m;
            final int base = (b * tokens + t) * width;
            for (int d = 0; d < width; d++) {
                sum[d] += m * (double) hidden[base + d];
            }
        }
        final double count = Math.max(kept, MIN_TOKENS);
        double squares = 0;
        for (int d = 0; d < width; d++) {
            sum[d] /= count;
            squares += sum[d] * sum[d];
        }
        final double norm = Math.max(Math.sqrt(squares), MIN_NORM);
        final float[] v = new float[width];
        for (int d = 0; d < width; d++) {
            v[d] = (float) (sum[d] / norm);
        }
        return v;
    }
}
