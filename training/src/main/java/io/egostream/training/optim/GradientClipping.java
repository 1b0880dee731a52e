package io.egostream.training.optim;

/**
 * PyTorch's {@code clip_grad_norm_} (L2) over gradients held as float arrays: the global norm of all
 * gradients together, {@code total = sqrt(sum_p ||g_p||^2)}; every gradient is multiplied by
 * {@code min(1, maxNorm / (total + 1e-6))}.
 */
public final class GradientClipping {

    /** Added to the norm before dividing, as PyTorch does. */
    public static final double EPS = 1e-6;

    private GradientClipping() {
    }

    /**
     * @param gradients the gradients, scaled in place
     * @param maxNorm largest global norm, {@code > 0}
     * @return the global norm before clipping
     */
    public static double clipGlobalNorm(final float[][] gradients, final double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("max gradient norm must be positive, got " + maxNorm);
        }
        final double total = globalNorm(gradients);
        final double coefficient = Math.min(1.0, maxNorm / (total + EPS));
        if (coefficient < 1.0) {
            final float c = (float) coefficient;
            for (final float[] g : gradients) {
                for (int i = 0; i < g.length; i++) {
                    g[i] *= c;
                }
            }
        }
        return total;
    }

    /**
     * @param gradients the gradients
     * @return {@code sqrt(sum ||g||^2)}, accumulated in double
     */
    public static double globalNorm(final float[][] gradients) {
        double sumSquares = 0;
        for (final float[] g : gradients) {
            for (final float v : g) {
                sumSquares += (double) v * v;
            }
        }
        return Math.sqrt(sumSquares);
    }
}
