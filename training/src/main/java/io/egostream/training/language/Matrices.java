package io.egostream.training.language;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Conversions between Java matrices and engine arrays. */
final class Matrices {

    private Matrices() {}

    /** {@code [N][K]} rows as an {@code [N, K]} array. */
    static NDArray of(final NDManager manager, final float[][] rows) {
        final int k = rows.length == 0 ? 0 : rows[0].length;
        final float[] flat = new float[rows.length * k];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * k, k);
        }
        return manager.create(flat, new Shape(rows.length, k));
    }

    /** Rows {@code index} of {@code [N][K]} as a {@code [index.length, K]} array. */
    static NDArray rows(final NDManager manager, final float[][] rows, final int[] index) {
        final int k = rows[0].length;
        final float[] flat = new float[index.length * k];
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(rows[index[i]], 0, flat, i * k, k);
        }
        return manager.create(flat, new Shape(index.length, k));
    }

    /** An {@code [N, C]} array as doubles. */
    static double[][] toDoubles(final NDArray matrix) {
        final int n = (int) matrix.getShape().get(0);
        final int c = (int) matrix.getShape().get(1);
        final float[] flat = matrix.toFloatArray();
        final double[][] out = new double[n][c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                out[i][j] = flat[i * c + j];
            }
        }
        return out;
    }
}
