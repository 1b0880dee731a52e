/**
 * The Hier-EgoPack network on DJL (ai.djl:api only; the engine is chosen at run time).
 *
 * <p>Design: the parameters live in {@link io.egostream.model.nn.HierEgoPackWeights}, one NDArray per
 * official {@code state_dict} entry keyed by its exact official name (PyTorch layout, {@code W [out, in]},
 * {@code y = x W^T + b}), grouped by weight file ({@link io.egostream.model.nn.WeightModule}); the
 * sizes are a validated {@link io.egostream.model.nn.HierEgoPackConfig} and the keys, shapes and
 * initialisation rules a {@link io.egostream.model.nn.ParameterLayout}. Importing an official checkpoint
 * and exporting one are therefore copies, and the parameter counts are exact by construction. The forward
 * pass is written as functions over NDArrays, so the same code serves inference and training (DJL
 * autograd on the trainable arrays).
 */
package io.egostream.model.nn;
