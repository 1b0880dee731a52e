package io.egostream.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.nn.Scalars;

/**
 * The MQ loss of a batch (model.md section 3): sigmoid focal loss (0.25, 2, summed over every point and
 * class) plus DIoU summed over the positive points, each divided by the normaliser: in training the EMA
 * of the positive count ({@link LossNormalizer}, updated by this call), in evaluation
 * {@code max(positives, 1)} (and 0 for a batch without positives). Total = 1 cls + 1 reg.
 *
 * @param focal the classification loss
 */
public record MqLoss(SigmoidFocalLoss focal) {

    /** The reference loss: focal (0.25, 2). */
    public MqLoss() {
        this(SigmoidFocalLoss.mq());
    }

    /**
     * The loss terms of one batch.
     *
     * @param total {@code cls + reg}, a scalar
     * @param classification the normalised focal loss, a scalar
     * @param regression the normalised DIoU loss, a scalar
     * @param positives positive points in the batch
     */
    public record Value(NDArray total, NDArray classification, NDArray regression, int positives) {
    }

    /**
     * @param clsLogits {@code [N, C]} class logits of every point
     * @param regPreds {@code [N, 2]} (left, right) offsets of every point in extent units
     * @param targets the assigned targets of the same points
     * @param normalizer the training normaliser (updated), or null in evaluation
     * @return the loss terms
     */
    public Value compute(final NDArray clsLogits, final NDArray regPreds, final MqTargets targets,
            final LossNormalizer normalizer) {
        final Shape s = clsLogits.getShape();
        if (s.dimension() != 2 || s.get(0) != targets.points() || s.get(1) != targets.classes()) {
            throw new IllegalArgumentException("MQ logits " + s + " do not match targets of " + targets.points()
                    + " points and " + targets.classes() + " classes");
        }
        final NDManager m = clsLogits.getManager();
        final NDArray clsTarget = m.create(targets.classTargets(), s);
        final NDArray clsSum = focal.sum(clsLogits, clsTarget);
        final int positives = targets.positiveCount();
        NDArray regSum;
        if (positives > 0) {
            final NDArray idx = m.create(targets.positiveIndices());
            final NDArray predPos = regPreds.get(idx);
            final NDArray targetPos = m.create(targets.positiveRegressionTargets(), new Shape(positives, 2));
            regSum = DiouLoss.perRow(predPos, targetPos).sum();
        } else {
            regSum = regPreds.sum().mul(Scalars.of(regPreds, 0f));
        }
        final float divisor;
        if (normalizer != null) {
            divisor = (float) normalizer.update(positives);
        } else if (positives == 0) {
            final NDArray zero = clsSum.mul(Scalars.of(clsSum, 0f));
            return new Value(zero, zero, regSum.mul(Scalars.of(regSum, 0f)), 0);
        } else {
            divisor = positives;
        }
        final NDArray cls = clsSum.div(Scalars.of(clsSum, divisor));
        final NDArray reg = regSum.div(Scalars.of(regSum, divisor));
        return new Value(cls.add(reg), cls, reg, positives);
    }
}
