/**
 * Optimisation as the Hier-EgoPack recipes do it (model.md section 4): Adam (PyTorch semantics, coupled L2
 * weight decay, none on 1-D parameters) over named NDArray parameters, global-norm gradient clipping, and
 * the linear warm-up then cosine learning-rate schedule, all computed step by step so that a resumed run
 * repeats an uninterrupted one.
 */
package io.egostream.training.optim;
