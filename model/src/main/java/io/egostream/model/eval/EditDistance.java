package io.egostream.model.eval;

/**
 * Long-term anticipation edit distance ({@code EGO4D/forecasting lta_metrics.py}, Hier-EgoPack
 * {@code utils/meters/ego4d/lta.py}): plain Levenshtein distance (unit insert, delete and substitute; the
 * reference's docstring says Damerau but a transposition costs 2), divided by the sequence length Z, the
 * minimum over the K predicted sequences, averaged over samples; and AUED, the trapezoidal area under the
 * edit distance at prefix lengths z = 1..Z divided by Z - 1. Run it once for verbs and once for nouns.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /**
     * Levenshtein distance.
     *
     * @param a first sequence
     * @param b second sequence
     * @return the least number of single-element insertions, deletions and substitutions from a to b
     */
    public static int levenshtein(final int[] a, final int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                final int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            final int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length];
    }

    /**
     * The edit distance of the first {@code z} actions: mean over samples of
     * {@code min_k levenshtein(pred[n][k][:z], gt[n][:z]) / z}.
     *
     * @param predictions {@code [N][K][Z]} predicted sequences
     * @param groundTruth {@code [N][Z]} true sequences
     * @param z the prefix length, in [1, Z]
     * @return the mean normalised edit distance
     */
    public static double atLength(final int[][][] predictions, final int[][] groundTruth, final int z) {
        final int bigZ = check(predictions, groundTruth);
        if (z < 1 || z > bigZ) {
            throw new IllegalArgumentException("prefix length must be in [1, " + bigZ + "], got " + z);
        }
        final double[] perSample = new double[groundTruth.length];
        final int[] gt = new int[z];
        final int[] pred = new int[z];
        for (int n = 0; n < groundTruth.length; n++) {
            System.arraycopy(groundTruth[n], 0, gt, 0, z);
            double best = Double.POSITIVE_INFINITY;
            for (final int[] sequence : predictions[n]) {
                System.arraycopy(sequence, 0, pred, 0, z);
                best = Math.min(best, (double) levenshtein(pred, gt) / z);
            }
            perSample[n] = best;
        }
        return NumpySum.mean(perSample);
    }

    /**
     * The edit distance at every prefix length and the AUED.
     *
     * @param predictions {@code [N][K][Z]} predicted sequences, K &gt;= 1
     * @param groundTruth {@code [N][Z]} true sequences
     * @return ED at z = 1..Z and AUED
     */
    public static EditDistanceReport evaluate(final int[][][] predictions, final int[][] groundTruth) {
        final int z = check(predictions, groundTruth);
        final double[] ed = new double[z];
        for (int i = 1; i <= z; i++) {
            ed[i - 1] = atLength(predictions, groundTruth, i);
        }
        final double[] trapezoids = new double[z - 1];
        for (int i = 0; i < z - 1; i++) {
            trapezoids[i] = (1.0 * (ed[i + 1] + ed[i])) / 2.0;
        }
        final double aued = NumpySum.sum(trapezoids) / (z - 1);
        return new EditDistanceReport(ed, aued);
    }

    private static int check(final int[][][] predictions, final int[][] groundTruth) {
        if (predictions.length != groundTruth.length || groundTruth.length == 0) {
            throw new IllegalArgumentException("edit distance needs as many predictions as ground truths, at "
                    + "least one; got " + predictions.length + " and " + groundTruth.length);
        }
        final int z = groundTruth[0].length;
        if (z == 0) {
            throw new IllegalArgumentException("sequences must not be empty");
        }
        for (int n = 0; n < groundTruth.length; n++) {
            if (groundTruth[n].length != z) {
                throw new IllegalArgumentException("ground truth " + n + " has " + groundTruth[n].length
                        + " actions, the first has " + z);
            }
            if (predictions[n].length == 0) {
                throw new IllegalArgumentException("sample " + n + " has no predicted sequence");
            }
            for (int k = 0; k < predictions[n].length; k++) {
                if (predictions[n][k].length != z) {
                    throw new IllegalArgumentException("predicted sequence " + k + " of sample " + n + " has "
                            + predictions[n][k].length + " actions, expected " + z);
                }
            }
        }
        return z;
    }
}
