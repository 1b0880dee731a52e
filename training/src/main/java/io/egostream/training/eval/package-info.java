/**
 * Offline evaluation of a model directory on one split of an Ego4D-format data directory: the offline
 * forward, the reference post-processing (MQ decoding and soft-NMS, PNR keyframe rule, LTA sampling) and
 * the reference metrics of {@link io.egostream.model.eval}, with a prior-based chance level next to every
 * number, and a Markdown report with PNG plots (XChart).
 */
package io.egostream.training.eval;
