/**
 * HierVL-style two-level video-language embeddings. A <b>segment</b> (a short span of feature frames: an
 * annotated action, or a fixed chunk of a live stream) is encoded into a unit vector of the text encoder's
 * 384-d space; a <b>window</b> (a long stretch of consecutive chunks) is encoded by aggregating its chunks'
 * segment states (HierVL's parent level over its child level) into a unit vector of the same space, so one text
 * query scores both.
 *
 * <ul>
 *   <li>{@link io.egostream.model.videotext.VideoTextConfig}, {@link io.egostream.model.videotext.VideoTextParameters},
 *       {@link io.egostream.model.videotext.VideoTextModel}: sizes, parameter layout and weights;</li>
 *   <li>{@link io.egostream.model.videotext.VideoTextForward}: the network on DJL NDArrays (training,
 *       batched);</li>
 *   <li>{@link io.egostream.model.videotext.VideoTextEncoder}: the same network in plain Java on float arrays
 *       (evaluation and live search, one frame at a time);</li>
 *   <li>{@link io.egostream.model.videotext.VideoTextModelDirectory}: the saved model format;</li>
 *   <li>{@link io.egostream.model.videotext.SearchIndex}: per-camera bounded horizons of embeddings and top-k
 *       cosine search, mergeable across instances.</li>
 * </ul>
 */
package io.egostream.model.videotext;
