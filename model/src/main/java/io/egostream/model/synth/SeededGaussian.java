package io.egostream.model.synth;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Standard normal numbers from a seed, identical on every JVM: {@link SplittableRandom} uniforms through the
 * Box-Muller transform computed with {@link StrictMath}.
 */
final class SeededGaussian {

    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    SeededGaussian(final long seed) {
        this.random = new SplittableRandom(seed);
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u = random.nextDouble();
        while (u <= 0.0) {
            u = random.nextDouble();
        }
        final double v = random.nextDouble();
        final double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u));
        final double angle = 2.0 * StrictMath.PI * v;
        spare = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }

    void fill(final float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) next();
        }
    }

    /**
     * A seed derived from a seed and names, e.g. {@code derive(seed, "verb", "12")}: SplitMix64 steps over
     * the UTF-8 bytes, so different names give unrelated streams.
     */
    static long derive(final long seed, final String... names) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (final String name : names) {
            for (final byte b : name.getBytes(StandardCharsets.UTF_8)) {
                h = mix(h ^ (b & 0xFF));
            }
            h = mix(h ^ 0xFF);
        }
        return h;
    }

    private static long mix(final long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
