package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import io.egostream.model.graph.NodeSet;

/**
 * One level of the backbone output: the node features after the level's residual block, with the nodes'
 * timestamps, clips and indices.
 *
 * @param depth the level {@code d} (extent {@code 2^d})
 * @param x features {@code [N_d, H]}
 * @param nodes the level's nodes
 */
public record BackboneLevel(int depth, NDArray x, NodeSet nodes) {
}
