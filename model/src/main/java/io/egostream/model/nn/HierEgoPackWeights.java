package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.io.NpyArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter store of a Hier-EgoPack network: one float32 {@link NDArray} per official
 * {@code state_dict} entry, grouped by weight file and keyed by the exact official names
 * ({@code proj.1.weight}, {@code layers.0.module_1.lin_rel.weight}, ...; see {@link ParameterLayout}).
 * Shapes are PyTorch's (a Linear weight is {@code [out, in]}, applied as {@code y = x W^T + b}), so import
 * and export are copies and the counts are exact.
 *
 * <p>The forward code ({@link HierEgoPackForward} and the blocks) reads arrays from here; training marks
 * the trainable ones with {@link #setRequiresGradient(boolean)} and runs the same forward under a DJL
 * {@code GradientCollector}. The store owns a child {@link NDManager}; closing it frees every array.
 */
public final class HierEgoPackWeights implements AutoCloseable {

    private final HierEgoPackConfig config;
    private final ParameterLayout layout;
    private final NDManager manager;
    private final Map<WeightModule, Map<String, NDArray>> arrays;

    private HierEgoPackWeights(final HierEgoPackConfig config, final NDManager manager,
            final Map<WeightModule, Map<String, NDArray>> arrays) {
        this.config = config;
        this.layout = ParameterLayout.of(config);
        this.manager = manager;
        this.arrays = arrays;
    }

    /**
     * Creates a freshly initialised model ({@link WeightInitializer}).
     *
     * @param config the configuration
     * @param parent the manager the store's own manager is a child of (its device is used)
     * @param seed the initialisation seed
     * @return the weights
     */
    public static HierEgoPackWeights initialise(final HierEgoPackConfig config, final NDManager parent,
            final long seed) {
        final NDManager m = parent.newSubManager();
        final Map<WeightModule, Map<String, NDArray>> out = new EnumMap<>(WeightModule.class);
        final ParameterLayout layout = ParameterLayout.of(config);
        for (final WeightModule module : layout.modules()) {
            final Map<String, NDArray> file = new LinkedHashMap<>();
            for (final ParameterSpec spec : layout.specs(module).values()) {
                final NDArray a = m.create(WeightInitializer.initialValues(spec, seed), new Shape(spec.shape()));
                a.setName(spec.key());
                file.put(spec.key(), a);
            }
            out.put(module, file);
        }
        return new HierEgoPackWeights(config, m, out);
    }

    /**
     * Creates the store from NumPy arrays (already read from {@code .npz} files).
     *
     * @param config the configuration the arrays must match
     * @param parent the parent manager
     * @param files the arrays by file and key; every file of the configuration's layout must be present
     * @return the weights
     * @throws ModelFormatException if a file is missing, or a key is missing, unknown, mis-shaped,
     *     not float32 or not finite (see {@link WeightCheck})
     */
    public static HierEgoPackWeights fromNpy(final HierEgoPackConfig config, final NDManager parent,
            final Map<WeightModule, Map<String, NpyArray>> files) throws ModelFormatException {
        final ParameterLayout layout = ParameterLayout.of(config);
        for (final WeightModule module : layout.modules()) {
            final Map<String, NpyArray> file = files.get(module);
            if (file == null) {
                throw new ModelFormatException(module.fileName() + ": missing weight file (the configuration has"
                        + " this module)");
            }
            WeightCheck.check(layout, module, file);
        }
        for (final WeightModule module : files.keySet()) {
            if (!layout.modules().contains(module)) {
                throw new ModelFormatException(module.fileName() + ": weight file for a module the configuration"
                        + " does not have");
            }
        }
        final NDManager m = parent.newSubManager();
        final Map<WeightModule, Map<String, NDArray>> out = new EnumMap<>(WeightModule.class);
        for (final WeightModule module : layout.modules()) {
            final Map<String, NDArray> file = new LinkedHashMap<>();
            for (final ParameterSpec spec : layout.specs(module).values()) {
                final NDArray a = m.create(files.get(module).get(spec.key()).toFloats(), new Shape(spec.shape()));
                a.setName(spec.key());
                file.put(spec.key(), a);
            }
            out.put(module, file);
        }
        return new HierEgoPackWeights(config, m, out);
    }

    /** @return the configuration */
    public HierEgoPackConfig config() {
        return config;
    }

    /** @return the layout (official keys, shapes, roles) */
    public ParameterLayout layout() {
        return layout;
    }

    /** @return the manager that owns every array of the store */
    public NDManager manager() {
        return manager;
    }

    /**
     * @param module a weight file
     * @param key an official key of that file
     * @return the array (shared, not a copy)
     * @throws IllegalArgumentException if the model has no such array, naming it
     */
    public NDArray get(final WeightModule module, final String key) {
        final Map<String, NDArray> file = arrays.get(module);
        final NDArray a = file == null ? null : file.get(key);
        if (a == null) {
            throw new IllegalArgumentException("the model has no parameter " + module.fileName() + ":" + key);
        }
        return a;
    }

    /**
     * @param module a weight file
     * @return its arrays by key, in official order (unmodifiable; empty if the model lacks the module)
     */
    public Map<String, NDArray> module(final WeightModule module) {
        return Collections.unmodifiableMap(arrays.getOrDefault(module, Map.of()));
    }

    /**
     * Replaces the values of one array in place (same shape), e.g. EgoPack prototypes built from data.
     *
     * @param module the weight file
     * @param key the official key
     * @param values the new values in C order
     */
    public void set(final WeightModule module, final String key, final float[] values) {
        final NDArray a = get(module, key);
        if (values.length != a.size()) {
            throw new IllegalArgumentException(module.fileName() + ":" + key + " has " + a.size()
                    + " values, got " + values.length);
        }
        a.set(values);
    }

    /**
     * @return the arrays training updates ({@link ParameterRole#TRAINABLE}), in official order
     */
    public List<NDArray> trainableParameters() {
        final List<NDArray> out = new ArrayList<>();
        for (final ParameterSpec spec : layout.all()) {
            if (spec.role() == ParameterRole.TRAINABLE) {
                out.add(get(spec.module(), spec.key()));
            }
        }
        return out;
    }

    /**
     * @return the trainable arrays by qualified name {@code file.npz:key}
     */
    public Map<String, NDArray> namedTrainableParameters() {
        final Map<String, NDArray> out = new LinkedHashMap<>();
        for (final ParameterSpec spec : layout.all()) {
            if (spec.role() == ParameterRole.TRAINABLE) {
                out.put(spec.qualifiedName(), get(spec.module(), spec.key()));
            }
        }
        return out;
    }

    /**
     * Marks every trainable array as requiring (or not) a gradient; frozen prototypes and buffers never do.
     *
     * @param requires whether gradients are collected
     */
    public void setRequiresGradient(final boolean requires) {
        for (final NDArray a : trainableParameters()) {
            a.setRequiresGradient(requires);
        }
    }

    /**
     * @return every array as NumPy float32, by file and official key in official order
     */
    public Map<WeightModule, Map<String, NpyArray>> toNpy() {
        final Map<WeightModule, Map<String, NpyArray>> out = new EnumMap<>(WeightModule.class);
        for (final WeightModule module : layout.modules()) {
            final Map<String, NpyArray> file = new LinkedHashMap<>();
            for (final ParameterSpec spec : layout.specs(module).values()) {
                file.put(spec.key(), NpyArray.ofFloats(spec.shape(), get(module, spec.key()).toFloatArray()));
            }
            out.put(module, file);
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
