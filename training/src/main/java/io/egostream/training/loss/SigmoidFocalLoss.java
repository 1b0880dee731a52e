package io.egostream.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.egostream.model.nn.Scalars;

/**
 * The sigmoid focal loss of RetinaNet as the MQ head uses it (model.md section 3, fvcore):
 * <pre>
 * p = sigmoid(x);  ce = BCE-with-logits(x, t);  p_t = p t + (1 - p)(1 - t)
 * loss = alpha_t * ce * (1 - p_t)^gamma,   alpha_t = alpha t + (1 - alpha)(1 - t)
 * </pre>
 * summed over every element.
 *
 * @param alpha weight of positives in [0, 1], or negative for no weighting (MQ: 0.25)
 * @param gamma focusing exponent, {@code >= 0} (MQ: 2)
 */
public record SigmoidFocalLoss(double alpha, double gamma) {

    /** Validates the parameters. */
    public SigmoidFocalLoss {
        if (!(alpha <= 1) || Double.isNaN(alpha)) {
            throw new IllegalArgumentException("focal alpha must be at most 1 (negative turns it off), got " + alpha);
        }
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("focal gamma must be a finite number >= 0, got " + gamma);
        }
    }

    /** @return the MQ loss: alpha 0.25, gamma 2 */
    public static SigmoidFocalLoss mq() {
        return new SigmoidFocalLoss(0.25, 2.0);
    }

    /**
     * @param logits {@code [N, C]} (any shape)
     * @param targets the same shape, values in [0, 1]
     * @return element-wise losses, the shape of {@code logits}
     */
    public NDArray elementwise(final NDArray logits, final NDArray targets) {
        final NDArray p = Activation.sigmoid(logits);
        final NDArray ce = ClassificationLosses.binaryCrossEntropyWithLogits(logits, targets);
        final NDArray pt = p.mul(targets).add(p.neg().add(1f).mul(targets.neg().add(1f)));
        NDArray loss = ce.mul(pt.neg().add(1f).pow(Scalars.of(pt, (float) gamma)));
        if (alpha >= 0) {
            final NDArray alphaT = targets.mul(Scalars.of(targets, (float) alpha)).add(targets.neg().add(1f)
                    .mul(Scalars.of(targets, (float) (1 - alpha))));
            loss = loss.mul(alphaT);
        }
        return loss;
    }

    /**
     * @param logits {@code [N, C]} (any shape)
     * @param targets the same shape, values in [0, 1]
     * @return the summed loss, a scalar
     */
    public NDArray sum(final NDArray logits, final NDArray targets) {
        return elementwise(logits, targets).sum();
    }
}
