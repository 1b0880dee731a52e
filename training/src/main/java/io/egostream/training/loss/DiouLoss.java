package io.egostream.training.loss;

import ai.djl.ndarray.NDArray;
import io.egostream.model.nn.Scalars;

/**
 * The 1-D distance-IoU loss of the MQ regressor (model.md section 3, ActionFormer {@code ctr_diou_loss_1d}):
 * both segments share the anchor point, the prediction spans {@code [-l_p, r_p]} and the target
 * {@code [-l_g, r_g]} (offsets {@code >= 0}, predictions clipped at 0), and
 * <pre>
 * loss = 1 - IoU + (c_p - c_g)^2 / (enclosing length)^2
 * </pre>
 * with the union and the squared enclosing length clamped at {@code eps = 1e-8}.
 */
public final class DiouLoss {

    /** Clamp of the union and of the squared enclosing length. */
    public static final float EPS = 1e-8f;

    private DiouLoss() {
    }

    /**
     * @param predicted {@code [P, 2]} (left, right) offsets; negative values are clipped to 0
     * @param target {@code [P, 2]} (left, right) offsets {@code >= 0}
     * @return {@code [P]} losses
     */
    public static NDArray perRow(final NDArray predicted, final NDArray target) {
        if (!predicted.getShape().equals(target.getShape()) || predicted.getShape().dimension() != 2
                || predicted.getShape().get(1) != 2) {
            throw new IllegalArgumentException("DIoU needs predicted and target offsets [P, 2], got "
                    + predicted.getShape() + " and " + target.getShape());
        }
        final NDArray pred = predicted.maximum(Scalars.of(predicted, 0f));
        final NDArray lp = pred.get(":, 0").neg();
        final NDArray rp = pred.get(":, 1");
        final NDArray lg = target.get(":, 0").neg();
        final NDArray rg = target.get(":, 1");
        final NDArray intersection = rp.minimum(rg).sub(lp.maximum(lg)).maximum(Scalars.of(rp, 0f));
        final NDArray union = rp.sub(lp).add(rg.sub(lg)).sub(intersection);
        final NDArray iou = intersection.div(union.maximum(Scalars.of(union, EPS)));
        final NDArray enclosing = rp.maximum(rg).sub(lp.minimum(lg));
        final NDArray centreGap = lp.add(rp).div(Scalars.of(lp, 2f)).sub(lg.add(rg).div(Scalars.of(lg, 2f)));
        return iou.neg().add(1f).add(centreGap.square().div(enclosing.square().maximum(Scalars.of(enclosing, EPS))));
    }
}
