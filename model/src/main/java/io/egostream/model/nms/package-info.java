/**
 * Post-processing of temporal detections, in float32 arithmetic exactly as the ActionFormer C++/PyTorch
 * reference (also used by Hier-EgoPack): candidate decoding before NMS ({@link
 * io.egostream.model.nms.CandidateDecoder}), hard NMS and soft-NMS in its three weightings, batched
 * multiclass or class-agnostic NMS with segment voting ({@link io.egostream.model.nms.SegmentNms}),
 * grid-to-seconds conversion and clamping ({@link io.egostream.model.nms.SegmentTime}), and the named
 * configurations of the reference papers ({@link io.egostream.model.nms.NmsPreset}). Imports only
 * {@code java.*}.
 */
package io.egostream.model.nms;
