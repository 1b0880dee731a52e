package io.egostream.model.nn;

import java.util.SplittableRandom;

/**
 * Computes the initial values of fresh parameters (model.md / the official modules' reset rules): Linear
 * weights and biases {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))} (PyTorch's and PyG's default), TDGC
 * {@code lin_rel} identity with zero bias, TDGC bias 0, LayerNorm ones/zeros, MQ scales 1, classifier
 * biases with a prior {@code p} at {@code -log((1-p)/p)}, the PNR encoding frequencies
 * {@code (1e-4)^(k/(n-1))}, prototypes N(0,1) until built from data.
 *
 * <p>Each array draws from its own generator seeded by {@code (seed, key)}, so a parameter's initial value
 * depends only on the seed and its name, never on which other modules the model has.
 */
public final class WeightInitializer {

    private WeightInitializer() {
    }

    /**
     * @param spec the parameter
     * @param seed the model seed
     * @return its initial values in C order
     */
    public static float[] initialValues(final ParameterSpec spec, final long seed) {
        final int n = Math.toIntExact(spec.size());
        final float[] v = new float[n];
        final InitRule rule = spec.init();
        final SplittableRandom random = new SplittableRandom(
                seed * 0x9E3779B97F4A7C15L ^ ((long) spec.module().ordinal() << 56) ^ spec.key().hashCode());
        switch (rule.kind()) {
            case UNIFORM_FAN_IN -> {
                final double bound = 1.0 / Math.sqrt(rule.fanIn());
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (random.nextDouble(-bound, bound));
                }
            }
            case IDENTITY -> {
                final long[] s = spec.shape();
                final int cols = (int) s[1];
                for (int i = 0; i < Math.min(s[0], s[1]); i++) {
                    v[i * cols + i] = 1f;
                }
            }
            case ZEROS -> {
            }
            case ONES -> java.util.Arrays.fill(v, 1f);
            case CONSTANT -> java.util.Arrays.fill(v, (float) rule.value());
            case STANDARD_NORMAL -> {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) gaussian(random);
                }
            }
            case PE_FREQUENCY -> {
                for (int k = 0; k < n; k++) {
                    final double exponent = n == 1 ? 0.0 : (double) k / (n - 1);
                    v[k] = (float) Math.pow(1e-4, exponent);
                }
            }
            default -> throw new IllegalStateException(rule.kind().name());
        }
        return v;
    }

    private static double gaussian(final SplittableRandom random) {
        double u;
        do {
            u = random.nextDouble();
        } while (u <= 0);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
