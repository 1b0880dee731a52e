package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.graph.NodeSet;

/**
 * The AR/OSCC {@code align}: each segment's feature is the mean of the level-0 node features of its clip
 * whose timestamp lies in {@code [start, end]} (both inclusive, float32). AR clamps the count at 1 (a
 * segment that covers no node gives a zero vector); OSCC does not, which gives NaN in the reference: here
 * such an OSCC segment is rejected with an error naming it. Computed as one {@code [M, N] x [N, F]} product.
 */
public final class SegmentAlign {

    private SegmentAlign() {
    }

    /**
     * @param features level-0 features {@code [N, F]}
     * @param nodes the level-0 nodes
     * @param segments the segments
     * @param clampEmpty true for AR (empty segment -> zeros), false for OSCC (empty segment -> error)
     * @param task task name for error messages
     * @return {@code [M, F]}
     */
    public static NDArray align(final NDArray features, final NodeSet nodes, final Segments segments,
            final boolean clampEmpty, final String task) {
        final int n = nodes.size();
        final int m = segments.size();
        final float[] matrix = new float[m * n];
        for (int s = 0; s < m; s++) {
            final long c = segments.clip()[s];
            if (c >= nodes.clips()) {
                throw new IllegalArgumentException(task + " segment " + s + " belongs to clip " + c + " but the input has "
                        + nodes.clips() + " clip(s)");
            }
            final float start = segments.start()[s];
            final float end = segments.end()[s];
            int count = 0;
            for (int i = nodes.clipStart((int) c); i < nodes.clipEnd((int) c); i++) {
                if (start <= nodes.pos(i) && end >= nodes.pos(i)) {
                    count++;
                }
            }
            if (count == 0 && !clampEmpty) {
                throw new IllegalArgumentException(task + " segment " + s + " [" + start + ", " + end + "] s of clip " + c
                        + " covers no node (its mean is undefined; the reference returns NaN)");
            }
            final float w = 1f / Math.max(count, 1);
            for (int i = nodes.clipStart((int) c); i < nodes.clipEnd((int) c); i++) {
                if (start <= nodes.pos(i) && end >= nodes.pos(i)) {
                    matrix[s * n + i] = w;
                }
            }
        }
        final NDArray mat = features.getManager().create(matrix, new Shape(m, n));
        return mat.matMul(features);
    }
}
