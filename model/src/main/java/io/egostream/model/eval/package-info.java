/**
 * Metrics exactly as the reference code computes them, in double: temporal-localization mAP with
 * ActivityNet matching and VOC all-point interpolation, Recall@kx and Ego4D moment-retrieval recall
 * ({@link io.egostream.model.eval.DetectionEvaluator}, {@link io.egostream.model.eval.RetrievalRecall}),
 * and the task metrics of Ego4D and Hier-EgoPack: action-recognition accuracy and mAP
 * ({@link io.egostream.model.eval.ClassificationMetrics}), OSCC accuracy ({@link
 * io.egostream.model.eval.OsccAccuracy}), PNR keyframe error and frame AUROC ({@link
 * io.egostream.model.eval.KeyframeError}, {@link io.egostream.model.eval.BinaryAuroc}) and LTA edit distance
 * ({@link io.egostream.model.eval.EditDistance}). Sums follow NumPy's pairwise summation
 * ({@link io.egostream.model.eval.NumpySum}) so that means agree with the reference to the last bit where
 * the reference works in float64. Imports only {@code java.*}.
 */
package io.egostream.model.eval;
