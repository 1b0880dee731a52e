/**
 * {@code egostream eval}: scores predictions brought as JSON files with the metrics of
 * {@code io.egostream.model.eval}: {@code eval detection} (mAP, Recall@kx, Ego4D retrieval recall) and the task
 * metrics {@code eval ar}, {@code eval oscc}, {@code eval pnr}, {@code eval lta}. The file formats are
 * described in the README section "Post-processing and metrics".
 */
package io.egostream.cli.eval;
