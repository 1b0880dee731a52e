package io.egostream.training.task;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The loss of one task on one batch.
 *
 * @param total the scalar to back-propagate
 * @param parts named components for the training log (e.g. {@code verb}, {@code noun}, {@code cls},
 *     {@code reg}, {@code distill}), as plain numbers
 */
public record LossValue(NDArray total, Map<String, Double> parts) {
}
