/**
 * Losses and targets of the Hier-EgoPack tasks (model.md sections 3-4), as differentiable functions over
 * DJL {@link ai.djl.ndarray.NDArray}s: cross-entropy with an ignore label, binary cross-entropy on logits,
 * the MQ label assignment ({@link io.egostream.training.loss.MqLabelAssigner}) with sigmoid focal and
 * DIoU losses normalised by an EMA of the positive count, and a KL distillation term.
 */
package io.egostream.training.loss;
