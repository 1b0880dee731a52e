package io.egostream.training.eval;

import java.util.SplittableRandom;

/**
 * The chance-level predictors every number is reported against. They know the training split's label
 * frequencies (the prior) but not the input:
 * <ul>
 *   <li>AR, OSCC: score every class by its prior for every sample (top-1 = the majority class);</li>
 *   <li>PNR: always the centre candidate (index 8 of 16);</li>
 *   <li>LTA: K sequences sampled from the prior;</li>
 *   <li>MQ: per clip, 100 segments with a prior-drawn class, a ground-truth-like length (drawn from the
 *       training moments' lengths) at a uniform position and a uniform score.</li>
 * </ul>
 */
final class ChanceLevels {

    private ChanceLevels() {
    }

    /**
     * @param labels training labels ({@code -1} skipped)
     * @param classes class count
     * @return add-one-smoothed class frequencies, summing to 1
     */
    static double[] prior(final long[] labels, final int classes) {
        final double[] p = new double[classes];
        java.util.Arrays.fill(p, 1.0);
        double total = classes;
        for (final long l : labels) {
            if (l >= 0 && l < classes) {
                p[(int) l]++;
                total++;
            }
        }
        for (int i = 0; i < classes; i++) {
            p[i] /= total;
        }
        return p;
    }

    /**
     * @param prior class probabilities
     * @param rows samples
     * @return every row scored by log prior, {@code [rows][C]}
     */
    static double[][] priorLogits(final double[] prior, final int rows) {
        final double[][] out = new double[rows][];
        final double[] row = new double[prior.length];
        for (int i = 0; i < prior.length; i++) {
            row[i] = Math.log(prior[i]);
        }
        for (int r = 0; r < rows; r++) {
            out[r] = row;
        }
        return out;
    }

    /**
     * @param prior class probabilities
     * @param random the generator
     * @return one class drawn from the prior
     */
    static int draw(final double[] prior, final SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < prior.length; i++) {
            u -= prior[i];
            if (u < 0) {
                return i;
            }
        }
        return prior.length - 1;
    }
}
