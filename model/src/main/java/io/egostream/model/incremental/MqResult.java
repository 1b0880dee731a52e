package io.egostream.model.incremental;

/**
 * The MQ head's output for one node of one level: class logits and regression offsets (decoded moment
 * {@code [pos - left * extent, pos + right * extent]} seconds).
 *
 * @param level backbone level
 * @param index node index at that level
 * @param pos timestamp in seconds from the camera's first frame
 * @param extent {@code 2^level}
 * @param classLogits {@code [C]}
 * @param left left offset in extent units (already scaled by {@code scales[level]})
 * @param right right offset in extent units
 */
public record MqResult(int level, long index, float pos, float extent, float[] classLogits, float left,
        float right) {
}
