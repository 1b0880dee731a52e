package io.egostream.training.videotext;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Symmetric InfoNCE (CLIP / HierVL) between B video embeddings and their B texts, all unit vectors:
 * <pre>
 * S = V T^T / tau                                   [B, B]
 * S[i][j] = -inf  where i != j and text j equals text i   (a duplicate caption is not a negative)
 * loss = ( mean_i -log softmax_j(S[i])[i]  +  mean_j -log softmax_i(S[., j])[j] ) / 2
 * </pre>
 */
public final class ContrastiveLoss {

    private static final float EXCLUDED = -1e4f;

    private ContrastiveLoss() {
    }

    /**
     * The loss.
     *
     * @param video video embeddings {@code [B, E]}
     * @param text text embeddings {@code [B, E]}
     * @param textIds an id per row; rows with equal ids have the same text
     * @param temperature tau, &gt; 0
     * @return the scalar loss
     */
    public static NDArray infoNce(final NDArray video, final NDArray text, final int[] textIds,
            final double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        final int b = textIds.length;
        if (video.getShape().get(0) != b || text.getShape().get(0) != b) {
            throw new IllegalArgumentException("InfoNCE needs " + b + " video and text rows, got " + video.getShape()
                    + " and " + text.getShape());
        }
        final NDManager manager = video.getManager();
        final float[] mask = new float[b * b];
        final float[] eye = new float[b * b];
        for (int i = 0; i < b; i++) {
            eye[i * b + i] = 1;
            for (int j = 0; j < b; j++) {
                if (i != j && textIds[i] == textIds[j]) {
                    mask[i * b + j] = EXCLUDED;
                }
            }
        }
        // Numbers enter as manager-owned scalars (see VideoTextForward.scalar): their backward reads them.
        final NDArray logits = video.matMul(text.transpose()).div(manager.create((float) temperature))
                .add(manager.create(mask, new Shape(b, b)));
        final NDArray diagonal = manager.create(eye, new Shape(b, b));
        final NDArray rows = manager.create((float) b);
        final NDArray videoToText = logits.logSoftmax(1).mul(diagonal).sum().neg().div(rows);
        final NDArray textToVideo = logits.logSoftmax(0).mul(diagonal).sum().neg().div(rows);
        return videoToText.add(textToVideo).div(manager.create(2f));
    }
}
