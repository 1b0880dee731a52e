package io.egostream.training.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The features of one video, {@code [T, C]} row-major float32.
 *
 * @param videoUid the video
 * @param source the file they were read from (for messages)
 * @param frames {@code T}
 * @param dim {@code C}
 * @param values {@code T * C} values
 */
public record VideoFeatures(String videoUid, Path source, int frames, int dim, float[] values) {

    /** Validates the sizes. */
    public VideoFeatures {
        if (frames < 0 || dim < 1 || values.length != (long) frames * dim) {
            throw new IllegalArgumentException("features of " + videoUid + " need " + frames + " x " + dim
                    + " values, got " + values.length);
        }
    }

    /**
     * @param rows feature indices, each in {@code [0, T)}
     * @return those rows, {@code [rows.length, C]} row-major
     */
    public float[] rows(final int[] rows) {
        final float[] out = new float[rows.length * dim];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] < 0 || rows[r] >= frames) {
                throw new DataException(source + ": row " + rows[r] + " requested, the video has " + frames
                        + " feature vectors");
            }
            System.arraycopy(values, rows[r] * dim, out, r * dim, dim);
        }
        return out;
    }

    /**
     * @param start first row
     * @param end row after the last
     * @return rows {@code [start, end)}, {@code [end - start, C]} row-major
     */
    public float[] range(final int start, final int end) {
        if (start < 0 || end > frames || end < start) {
            throw new DataException(source + ": rows [" + start + ", " + end + ") requested, the video has "
                    + frames + " feature vectors");
        }
        return Arrays.copyOfRange(values, start * dim, end * dim);
    }
}
