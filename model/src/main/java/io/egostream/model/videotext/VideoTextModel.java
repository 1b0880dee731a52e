package io.egostream.model.videotext;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A video-text model: its id, sizes and weights (float32, C order, the layout of {@link VideoTextParameters}).
 * The arrays are copied in and never changed.
 *
 * @param modelId the model id, e.g. {@code egostream-video-text}; not blank
 * @param config the sizes
 * @param weights every parameter of {@link VideoTextParameters#layout}, with that many finite values
 */
public record VideoTextModel(String modelId, VideoTextConfig config, Map<String, float[]> weights) {

    /** Checks every parameter is present with the layout's size and finite values; copies the arrays. */
    public VideoTextModel {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("video-text model id must not be blank, got '" + modelId + "'");
        }
        if (config == null || weights == null) {
            throw new IllegalArgumentException("video-text model " + modelId + " needs a config and weights");
        }
        final Map<String, float[]> copy = new LinkedHashMap<>();
        for (final Map.Entry<String, long[]> e : VideoTextParameters.layout(config).entrySet()) {
            final float[] values = weights.get(e.getKey());
            final long expected = VideoTextParameters.size(e.getValue());
            if (values == null) {
                throw new IllegalArgumentException("video-text model " + modelId + " lacks parameter " + e.getKey());
            }
            if (values.length != expected) {
                throw new IllegalArgumentException("video-text parameter " + e.getKey() + " has " + values.length
                        + " values; shape " + Arrays.toString(e.getValue()) + " needs " + expected);
            }
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new IllegalArgumentException("video-text parameter " + e.getKey() + " value " + i + " is "
                            + values[i]);
                }
            }
            copy.put(e.getKey(), values.clone());
        }
        for (final String name : weights.keySet()) {
            if (!copy.containsKey(name)) {
                throw new IllegalArgumentException("video-text model " + modelId + " has unknown parameter " + name);
            }
        }
        weights = Collections.unmodifiableMap(copy);
    }

    /**
     * A model with seeded initial weights.
     *
     * @param modelId the id
     * @param config the sizes
     * @param seed the seed of {@link VideoTextParameters#initial}
     * @return a new model
     */
    public static VideoTextModel initial(final String modelId, final VideoTextConfig config, final long seed) {
        return new VideoTextModel(modelId, config, VideoTextParameters.initial(config, seed));
    }

    /**
     * One parameter's values (shared, do not change them).
     *
     * @param name a name of the layout
     * @return its values
     */
    public float[] weight(final String name) {
        final float[] w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException("no video-text parameter named " + name);
        }
        return w;
    }
}
