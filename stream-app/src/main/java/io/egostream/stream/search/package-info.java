/**
 * Live natural-language search over the cameras: the search indexer processor keeps, per camera, video-text
 * embeddings of the recent horizon in changelogged stores and in an in-memory
 * {@link io.egostream.model.videotext.SearchIndex}; {@code GET /api/search} embeds the query with the text encoder,
 * searches this instance's cameras and the other instances' (found through Kafka Streams metadata and
 * {@code application.server}), and merges the results.
 */
package io.egostream.stream.search;
