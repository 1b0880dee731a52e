/**
 * Training and retrieval evaluation of the two-level video-text model ({@code io.egostream.model.videotext}):
 * the corpus of annotated videos with their features, narrations and window summaries
 * ({@link io.egostream.training.videotext.VideoTextCorpus}), the symmetric InfoNCE losses at both levels
 * ({@link io.egostream.training.videotext.ContrastiveLoss}), the training loop
 * ({@link io.egostream.training.videotext.VideoTextTrainer}) and text-to-segment / text-to-window retrieval
 * ({@link io.egostream.training.videotext.RetrievalEvaluator}).
 */
package io.egostream.training.videotext;
