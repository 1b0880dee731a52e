package io.egostream.model.incremental;

/**
 * One backbone node: the output of level {@code level} at index {@code index}.
 *
 * @param level backbone level (extent {@code 2^level})
 * @param index node index at that level, from the camera's first frame
 * @param pos timestamp in seconds from the camera's first frame
 * @param x features {@code [H]}
 */
public record NodeValue(int level, long index, float pos, float[] x) {
}
