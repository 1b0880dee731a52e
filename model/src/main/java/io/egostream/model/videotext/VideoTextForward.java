package io.egostream.model.videotext;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import io.egostream.model.nn.Scalars;

/**
 * The video-text network of {@link VideoTextParameters} as functions over DJL NDArrays, batched and
 * differentiable (training). Padded frames and chunks are hidden by masks of 1 (present) and 0 (padding); every
 * row must hold at least one present entry.
 */
public final class VideoTextForward {

    private static final float MASKED = -1e9f;

    private final VideoTextConfig config;
    private final Map<String, NDArray> parameters;

    /**
     * @param config the sizes
     * @param parameters every parameter of the layout, with its shape (the caller owns them, e.g. with gradients)
     * @throws IllegalArgumentException when a parameter is missing or has another shape
     */
    public VideoTextForward(final VideoTextConfig config, final Map<String, NDArray> parameters) {
        this.config = config;
        for (final Map.Entry<String, long[]> e : VideoTextParameters.layout(config).entrySet()) {
            final NDArray p = parameters.get(e.getKey());
            if (p == null) {
                throw new IllegalArgumentException("missing video-text parameter " + e.getKey());
            }
            if (!p.getShape().equals(new Shape(e.getValue()))) {
                throw new IllegalArgumentException("video-text parameter " + e.getKey() + " has shape " + p.getShape()
                        + ", expected " + new Shape(e.getValue()));
            }
        }
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * NDArrays of a model's weights.
     *
     * @param model the model
     * @param manager owner of the new arrays
     * @return name to array, in layout order
     */
    public static Map<String, NDArray> toArrays(final VideoTextModel model, final NDManager manager) {
        final Map<String, NDArray> out = new LinkedHashMap<>();
        VideoTextParameters.layout(model.config()).forEach((name, shape) ->
                out.put(name, manager.create(model.weight(name), new Shape(shape))));
        return out;
    }

    /**
     * The sizes.
     *
     * @return the configuration
     */
    public VideoTextConfig config() {
        return config;
    }

    /**
     * Frame and segment layers.
     *
     * @param frames {@code [B, L, D]} float32 (padding anything finite, e.g. zeros)
     * @param mask {@code [B, L]} float32, 1 for a frame, 0 for padding
     * @return segment states {@code z}, {@code [B, H]}
     */
    public NDArray segmentStates(final NDArray frames, final NDArray mask) {
        final NDArray mean = frames.mean(new int[] {2}, true);
        final NDArray centered = frames.sub(mean);
        final NDArray var = centered.square().mean(new int[] {2}, true);
        final NDArray x = centered.div(var.add(scalar(var, VideoTextParameters.STANDARDIZE_EPS)).sqrt());
        final NDArray h = Activation.relu(linear(x, "frame"));
        final NDArray m = mask.expandDims(-1);
        final NDArray masked = h.mul(m);
        final NDArray pooledMean = masked.sum(new int[] {1}).div(mask.sum(new int[] {1}, true));
        // h >= 0 after ReLU, so zeroed padding never exceeds the largest present value.
        final NDArray pooledMax = masked.max(new int[] {1});
        return Activation.relu(linear(NDArrays.concat(new NDList(pooledMean, pooledMax), -1), "segment"));
    }

    /**
     * Segment projection.
     *
     * @param states {@code [B, H]}
     * @return unit segment embeddings {@code [B, E]}
     */
    public NDArray segmentEmbeddings(final NDArray states) {
        return unit(linear(states, "segment_proj"));
    }

    /**
     * The window (parent) level.
     *
     * @param childStates chunk states {@code [B, M, H]}
     * @param mask {@code [B, M]} float32, 1 for a chunk, 0 for padding
     * @return unit window embeddings {@code [B, E]}
     */
    public NDArray windowEmbeddings(final NDArray childStates, final NDArray mask) {
        final NDArray t = linear(childStates, "window_attn").tanh();
        final NDArray scores = t.mul(parameters.get("window_attn.score")).sum(new int[] {-1})
                .add(mask.sub(scalar(mask, 1f)).mul(scalar(mask, -MASKED)));
        final NDArray a = scores.softmax(1).mul(mask).expandDims(-1);
        final NDArray attended = childStates.mul(a).sum(new int[] {1});
        final NDArray mean = childStates.mul(mask.expandDims(-1)).sum(new int[] {1})
                .div(mask.sum(new int[] {1}, true));
        final NDArray u = Activation.relu(linear(NDArrays.concat(new NDList(attended, mean), -1), "window"));
        return unit(linear(u, "window_proj"));
    }

    private NDArray linear(final NDArray x, final String layer) {
        // The transposed view belongs to the input's manager, so it is freed with the step's arrays.
        final NDArray weightT = parameters.get(layer + ".weight").transpose();
        weightT.attach(x.getManager());
        return x.matMul(weightT).add(parameters.get(layer + ".bias"));
    }

    /**
     * Scales each row to unit length.
     *
     * @param v {@code [..., E]}
     * @return {@code v / max(|v|, 1e-12)} over the last axis
     */
    public static NDArray unit(final NDArray v) {
        return v.div(v.square().sum(new int[] {-1}, true).sqrt().maximum(scalar(v, VideoTextParameters.NORM_EPS)));
    }

    /**
     * A 0-d array in the manager of {@code like}. Use it instead of a Java number in arithmetic that autograd
     * differentiates: DJL's PyTorch engine turns a Java number into a tensor over a Java buffer that nothing keeps
     * alive, and the backward pass may read it after the garbage collector freed it.
     *
     * @param like an array whose manager owns the scalar
     * @param value the value
     * @return a float32 scalar array
     */
    public static NDArray scalar(final NDArray like, final float value) {
        return Scalars.of(like, value);
    }
}
