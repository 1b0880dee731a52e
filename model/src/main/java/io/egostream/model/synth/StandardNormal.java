package io.egostream.model.synth;

/** The standard normal distribution function and its inverse, with {@link StrictMath} (same on every JVM). */
final class StandardNormal {

    private StandardNormal() {}

    /** Phi(x), absolute error below 1e-7 (complementary error function, Numerical Recipes' Chebyshev fit). */
    static double cdf(final double x) {
        return 0.5 * erfc(-x / StrictMath.sqrt(2.0));
    }

    /** Phi^-1(p) for p in (0, 1), by bisection on {@link #cdf} to 1e-12. */
    static double quantile(final double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
        }
        double lo = -40;
        double hi = 40;
        while (hi - lo > 1e-12) {
            final double mid = 0.5 * (lo + hi);
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double erfc(final double x) {
        final double z = StrictMath.abs(x);
        final double t = 1.0 / (1.0 + 0.5 * z);
        final double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        final double r = t * StrictMath.exp(poly);
        return x >= 0 ? r : 2.0 - r;
    }
}
