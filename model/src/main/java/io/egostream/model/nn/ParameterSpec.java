package io.egostream.model.nn;

import java.util.Arrays;

/**
 * One array of a model: the file it lives in, its exact official {@code state_dict} key, its shape
 * (PyTorch layout: a Linear weight is {@code [out, in]}), its role and its initialisation.
 *
 * @param module the weight file
 * @param key the official key, e.g. {@code layers.0.module_1.lin_rel.weight}
 * @param shape the shape; every dimension positive
 * @param role trainable, frozen or buffer
 * @param init the initialisation rule of a fresh model
 */
public record ParameterSpec(WeightModule module, String key, long[] shape, ParameterRole role, InitRule init) {

    /** Validates and copies the shape. */
    public ParameterSpec {
        if (module == null || key == null || key.isBlank() || shape == null || role == null || init == null) {
            throw new IllegalArgumentException("every field of a parameter spec must be set (key " + key + ")");
        }
        for (final long d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(key + ": shape " + Arrays.toString(shape)
                        + " has a non-positive dimension");
            }
        }
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of elements */
    public long size() {
        long n = 1;
        for (final long d : shape) {
            n *= d;
        }
        return n;
    }

    /** @return {@code module.npz:key} for messages */
    public String qualifiedName() {
        return module.fileName() + ":" + key;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof ParameterSpec p && p.module == module && p.key.equals(key)
                && Arrays.equals(p.shape, shape) && p.role == role && p.init.equals(init);
    }

    @Override
    public int hashCode() {
        return (module.hashCode() * 31 + key.hashCode()) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return qualifiedName() + Arrays.toString(shape);
    }
}
