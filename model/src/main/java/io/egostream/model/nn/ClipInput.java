package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.graph.NodeSet;

/**
 * The input of the backbone: one or more clips of feature vectors, as a PyG batch without padding.
 *
 * @param x features {@code [N, Din]} (float32)
 * @param nodes per node: timestamp in seconds, clip id (sorted, 0..B-1), index inside the clip
 *     (strictly increasing inside each clip)
 */
public record ClipInput(NDArray x, NodeSet nodes) {

    /** Validates that the features and nodes agree. */
    public ClipInput {
        if (x == null || nodes == null) {
            throw new IllegalArgumentException("features and nodes must not be null");
        }
        final Shape s = x.getShape();
        if (s.dimension() != 2 || s.get(0) != nodes.size()) {
            throw new IllegalArgumentException("features must be [N, Din] with N = " + nodes.size()
                    + " nodes, got " + s);
        }
        for (int c = 0; c < nodes.clips(); c++) {
            if (nodes.clipEnd(c) == nodes.clipStart(c)) {
                throw new IllegalArgumentException("clip " + c + " has no node");
            }
            for (int i = nodes.clipStart(c) + 1; i < nodes.clipEnd(c); i++) {
                if (nodes.index(i) <= nodes.index(i - 1)) {
                    throw new IllegalArgumentException("indices must increase inside a clip; node " + i + " of clip "
                            + c + " has index " + nodes.index(i) + " after " + nodes.index(i - 1));
                }
            }
        }
    }

    /**
     * Builds the input from the official {@code Data} fields, dropping the rows whose mask is false (the
     * backbone's first step).
     *
     * @param x features {@code [N, 1, Din]} or {@code [N, Din]}, padding rows included
     * @param pos timestamps in seconds {@code [N]}
     * @param indices per-clip node index {@code [N]}
     * @param batch clip id per node {@code [N]}
     * @param mask true for real rows {@code [N]}, or null for all rows
     * @return the input without padding
     */
    public static ClipInput masked(final NDArray x, final float[] pos, final long[] indices, final long[] batch,
            final boolean[] mask) {
        final Shape s = x.getShape();
        final long n = s.get(0);
        if (pos.length != n || indices.length != n || batch.length != n || (mask != null && mask.length != n)) {
            throw new IllegalArgumentException("x has " + n + " rows but pos, indices, batch and mask have "
                    + pos.length + ", " + indices.length + ", " + batch.length + ", "
                    + (mask == null ? "-" : mask.length) + " entries");
        }
        final NDArray flat;
        if (s.dimension() == 3) {
            flat = x.reshape(n, s.get(1) * s.get(2));
        } else if (s.dimension() == 2) {
            flat = x;
        } else {
            throw new IllegalArgumentException("x must be [N, 1, Din] or [N, Din], got " + s);
        }
        if (mask == null) {
            return new ClipInput(flat, new NodeSet(pos, batch, indices));
        }
        int kept = 0;
        for (final boolean b : mask) {
            kept += b ? 1 : 0;
        }
        final long[] rows = new long[kept];
        final float[] p = new float[kept];
        final long[] ind = new long[kept];
        final long[] clip = new long[kept];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (mask[i]) {
                rows[k] = i;
                p[k] = pos[i];
                ind[k] = indices[i];
                clip[k] = batch[i];
                k++;
            }
        }
        final NDArray kx = kept == n ? flat : Ops.rows(flat, rows);
        return new ClipInput(kx, new NodeSet(p, clip, ind));
    }
}
