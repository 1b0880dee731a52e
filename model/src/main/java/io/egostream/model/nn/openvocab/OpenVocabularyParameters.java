package io.egostream.model.nn.openvocab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The named arrays of an open-vocabulary head ({@code D} feature width, {@code E} text width, {@code H}
 * adapter width), float32:
 * <pre>
 * input.mean          [D]     per-dimension mean of the training features (fixed, not trained)
 * input.scale         [D]     1 / per-dimension standard deviation of the training features (fixed)
 * video_proj.weight   [E, D]  video feature -&gt; text space
 * video_proj.bias     [E]
 * adapter.0.weight    [H, D]  instance-conditioning adapter, Linear -&gt; ReLU -&gt; Linear (only when H &gt; 0)
 * adapter.0.bias      [H]
 * adapter.2.weight    [E, H]
 * adapter.2.bias      [E]
 * logit_scale         [1]     log(1 / temperature)
 * </pre>
 */
public final class OpenVocabularyParameters {

    /** Per-dimension feature mean. */
    public static final String INPUT_MEAN = "input.mean";
    /** Per-dimension inverse standard deviation. */
    public static final String INPUT_SCALE = "input.scale";
    /** Video projection weight. */
    public static final String PROJ_WEIGHT = "video_proj.weight";
    /** Video projection bias. */
    public static final String PROJ_BIAS = "video_proj.bias";
    /** Adapter first layer weight. */
    public static final String ADAPTER_IN_WEIGHT = "adapter.0.weight";
    /** Adapter first layer bias. */
    public static final String ADAPTER_IN_BIAS = "adapter.0.bias";
    /** Adapter output layer weight. */
    public static final String ADAPTER_OUT_WEIGHT = "adapter.2.weight";
    /** Adapter output layer bias. */
    public static final String ADAPTER_OUT_BIAS = "adapter.2.bias";
    /** Log of the inverse temperature. */
    public static final String LOGIT_SCALE = "logit_scale";

    private OpenVocabularyParameters() {}

    /**
     * The name and shape of every array of a configuration, in a fixed order.
     *
     * @param config the head
     * @return name -&gt; shape
     */
    public static Map<String, Shape> shapes(final OpenVocabularyConfig config) {
        final long d = config.featureDim();
        final long e = config.textDim();
        final long h = config.adapterHidden();
        final Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put(INPUT_MEAN, new Shape(d));
        shapes.put(INPUT_SCALE, new Shape(d));
        shapes.put(PROJ_WEIGHT, new Shape(e, d));
        shapes.put(PROJ_BIAS, new Shape(e));
        if (h > 0) {
            shapes.put(ADAPTER_IN_WEIGHT, new Shape(h, d));
            shapes.put(ADAPTER_IN_BIAS, new Shape(h));
            shapes.put(ADAPTER_OUT_WEIGHT, new Shape(e, h));
            shapes.put(ADAPTER_OUT_BIAS, new Shape(e));
        }
        shapes.put(LOGIT_SCALE, new Shape(1));
        return shapes;
    }

    /**
     * Whether an array is learned (every array but the fixed input statistics).
     *
     * @param name an array name
     * @return false for {@link #INPUT_MEAN} and {@link #INPUT_SCALE}
     */
    public static boolean isTrainable(final String name) {
        return !INPUT_MEAN.equals(name) && !INPUT_SCALE.equals(name);
    }

    /**
     * Fresh, seeded arrays: PyTorch's default Linear initialisation (uniform in +-1/sqrt(fan-in)) for the
     * projection and the adapter's first layer, zeros for the adapter's output layer (so a fresh adapter
     * leaves the class embeddings unchanged), identity input statistics, and the initial temperature.
     *
     * @param config the head
     * @param manager owns the arrays
     * @param seed the seed; the same seed gives the same values
     * @return name -&gt; array, in {@link #shapes} order
     */
    public static Map<String, NDArray> initialize(final OpenVocabularyConfig config, final NDManager manager,
            final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (final Map.Entry<String, Shape> entry : shapes(config).entrySet()) {
            final String name = entry.getKey();
            final Shape shape = entry.getValue();
            final float[] values = new float[Math.toIntExact(shape.size())];
            switch (name) {
                case INPUT_SCALE -> Arrays.fill(values, 1f);
                case PROJ_WEIGHT, PROJ_BIAS -> uniform(values, config.featureDim(), random);
                case ADAPTER_IN_WEIGHT, ADAPTER_IN_BIAS -> uniform(values, config.featureDim(), random);
                case LOGIT_SCALE -> values[0] = (float) Math.log(1.0 / config.initialTemperature());
                default -> { } // input.mean and the adapter's output layer start at zero
            }
            arrays.put(name, manager.create(values, shape));
        }
        return arrays;
    }

    /**
     * Checks that arrays fit a configuration: exactly its names, its shapes, float32, finite values.
     *
     * @param config the head
     * @param arrays the arrays by name
     * @param source where the arrays come from, for messages (e.g. a file)
     * @throws IllegalArgumentException naming the source and the array that does not fit
     */
    public static void check(final OpenVocabularyConfig config, final Map<String, NDArray> arrays,
            final String source) {
        final Map<String, Shape> expected = shapes(config);
        for (final String name : arrays.keySet()) {
            if (!expected.containsKey(name)) {
                throw new IllegalArgumentException(source + ": unexpected array '" + name + "' for this head");
            }
        }
        for (final Map.Entry<String, Shape> entry : expected.entrySet()) {
            final NDArray a = arrays.get(entry.getKey());
            if (a == null) {
                throw new IllegalArgumentException(source + ": array '" + entry.getKey() + "' is missing");
            }
            if (!a.getShape().equals(entry.getValue()) || a.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException(source + ": array '" + entry.getKey() + "' must be float32 "
                        + entry.getValue() + ", got " + a.getDataType() + " " + a.getShape());
            }
            for (final float v : a.toFloatArray()) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(source + ": array '" + entry.getKey()
                            + "' holds a non-finite value " + v);
                }
            }
        }
    }

    private static void uniform(final float[] values, final int fanIn, final SplittableRandom random) {
        final double bound = 1.0 / Math.sqrt(fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }
}
