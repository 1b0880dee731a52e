/**
 * One objective per task: how a batch of samples becomes the model's input ({@link
 * io.egostream.model.nn.ClipInput} plus segments and targets), which outputs the task reads (its own head,
 * or the EgoPack main head) and the loss of model.md section 3. Used by training and by offline evaluation.
 */
package io.egostream.training.task;
