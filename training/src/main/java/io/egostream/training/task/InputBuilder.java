package io.egostream.training.task;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.graph.NodeSet;
import io.egostream.model.nn.ClipInput;
import io.egostream.training.data.FeatureGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * Concatenates the feature rows of several clips into one backbone input (a PyG batch without padding):
 * features {@code [N, C]}, node timestamps, clip ids {@code 0..B-1} and per-clip indices {@code 0..n-1}.
 */
final class InputBuilder {

    private final FeatureGrid grid;
    private final NodeTiming timing;
    private final List<float[]> rows = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();
    private int dim = -1;
    private int total;

    InputBuilder(final FeatureGrid grid, final NodeTiming timing) {
        this.grid = grid;
        this.timing = timing;
    }

    /**
     * @param values the clip's rows, {@code [n, C]} row-major
     * @param dim {@code C}
     */
    void addClip(final float[] values, final int dim) {
        if (this.dim >= 0 && this.dim != dim) {
            throw new IllegalArgumentException("clips of one batch must share the feature dimension, got "
                    + this.dim + " and " + dim);
        }
        this.dim = dim;
        rows.add(values);
        counts.add(values.length / dim);
        total += values.length / dim;
    }

    ClipInput build(final NDManager manager) {
        final float[] x = new float[total * dim];
        final float[] pos = new float[total];
        final long[] clip = new long[total];
        final long[] index = new long[total];
        int at = 0;
        for (int c = 0; c < rows.size(); c++) {
            System.arraycopy(rows.get(c), 0, x, at * dim, rows.get(c).length);
            for (int i = 0; i < counts.get(c); i++) {
                pos[at + i] = timing.pos(grid, i);
                clip[at + i] = c;
                index[at + i] = i;
            }
            at += counts.get(c);
        }
        return new ClipInput(manager.create(x, new Shape(total, dim)), new NodeSet(pos, clip, index));
    }
}
