package io.egostream.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.nn.Scalars;

/**
 * Cross-entropy with an ignore label and binary cross-entropy on logits, PyTorch's
 * {@code F.cross_entropy(..., ignore_index=-1, reduction="none")} and
 * {@code F.binary_cross_entropy_with_logits(..., reduction="none")}.
 */
public final class ClassificationLosses {

    /** The label that marks a row without a target; its loss is 0. */
    public static final long IGNORE_LABEL = -1;

    private ClassificationLosses() {
    }

    /**
     * Per-row cross-entropy {@code -log softmax(logits)[label]}; a row labelled {@link #IGNORE_LABEL}
     * contributes 0 (and no gradient), as PyTorch's {@code reduction="none"} does.
     *
     * @param logits {@code [N, C]} unnormalised scores
     * @param labels {@code N} class indices in {@code [0, C)} or {@code -1}
     * @return {@code [N]} losses
     * @throws IllegalArgumentException if the shapes disagree or a label is out of range, naming it
     */
    public static NDArray crossEntropy(final NDArray logits, final long[] labels) {
        final Shape s = logits.getShape();
        if (s.dimension() != 2 || s.get(0) != labels.length) {
            throw new IllegalArgumentException("cross-entropy needs logits [N, C] with N = " + labels.length
                    + " labels, got " + s);
        }
        final int classes = (int) s.get(1);
        final float[] oneHot = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            final long label = labels[i];
            if (label == IGNORE_LABEL) {
                continue;
            }
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of row " + i + " is outside [0, "
                        + classes + ") and is not the ignore label -1");
            }
            oneHot[i * classes + (int) label] = 1f;
        }
        final NDManager m = logits.getManager();
        final NDArray target = m.create(oneHot, s);
        return logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg();
    }

    /**
     * Element-wise {@code max(x, 0) - x t + log(1 + exp(-|x|))}, the numerically stable binary
     * cross-entropy of logits {@code x} against targets {@code t} in [0, 1].
     *
     * @param logits any shape
     * @param targets the same shape, values in [0, 1]
     * @return element-wise losses, the shape of {@code logits}
     */
    public static NDArray binaryCrossEntropyWithLogits(final NDArray logits, final NDArray targets) {
        if (!logits.getShape().equals(targets.getShape())) {
            throw new IllegalArgumentException("logits " + logits.getShape() + " and targets "
                    + targets.getShape() + " must have the same shape");
        }
        return logits.maximum(Scalars.of(logits, 0f)).sub(logits.mul(targets)).add(logits.abs().neg().exp().add(1f).log());
    }
}
