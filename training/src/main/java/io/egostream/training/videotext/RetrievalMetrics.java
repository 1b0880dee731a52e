package io.egostream.training.videotext;

import java.util.Arrays;
import java.util.List;

/**
 * Ranks and recall of text-to-video retrieval from embeddings (see {@link RetrievalScores} for the definitions).
 */
public final class RetrievalMetrics {

    private RetrievalMetrics() {
    }

    /**
     * Scores queries against a gallery by cosine (dot product of unit vectors).
     *
     * @param queries query embeddings {@code [Q][E]}
     * @param gallery gallery embeddings {@code [N][E]}
     * @param relevant for each query, the gallery indices that answer it (at least one)
     * @return the scores
     */
    public static RetrievalScores score(final float[][] queries, final float[][] gallery,
            final List<int[]> relevant) {
        if (queries.length != relevant.size()) {
            throw new IllegalArgumentException(queries.length + " queries but " + relevant.size() + " relevant sets");
        }
        final int[] ranks = new int[queries.length];
        final double[] chanceRanks = new double[queries.length];
        double c1 = 0;
        double c5 = 0;
        double c10 = 0;
        for (int q = 0; q < queries.length; q++) {
            final int[] rel = relevant.get(q);
            if (rel.length == 0) {
                throw new IllegalArgumentException("query " + q + " has no relevant item");
            }
            final double[] s = new double[gallery.length];
            for (int i = 0; i < gallery.length; i++) {
                s[i] = dot(queries[q], gallery[i]);
            }
            ranks[q] = firstRelevantRank(s, rel);
            c1 += chanceRecall(gallery.length, rel.length, 1);
            c5 += chanceRecall(gallery.length, rel.length, 5);
            c10 += chanceRecall(gallery.length, rel.length, 10);
            chanceRanks[q] = chanceMedianRank(gallery.length, rel.length);
        }
        final int n = queries.length;
        return new RetrievalScores(n, gallery.length, share(ranks, 1), share(ranks, 5), share(ranks, 10),
                median(Arrays.stream(ranks).asDoubleStream().toArray()), c1 / n, c5 / n, c10 / n,
                median(chanceRanks));
    }

    /**
     * The rank of the best relevant item: 1 + the number of other items scoring strictly higher.
     *
     * @param scores the gallery's scores
     * @param relevant the relevant indices
     * @return the rank, 1-based
     */
    static int firstRelevantRank(final double[] scores, final int[] relevant) {
        double best = Double.NEGATIVE_INFINITY;
        final boolean[] isRelevant = new boolean[scores.length];
        for (final int r : relevant) {
            isRelevant[r] = true;
            best = Math.max(best, scores[r]);
        }
        int above = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!isRelevant[i] && scores[i] > best) {
                above++;
            }
        }
        return above + 1;
    }

    /**
     * The probability that a random ranking of {@code n} items, {@code r} of them relevant, puts one in the top k.
     *
     * @param n gallery size
     * @param r relevant items, 1..n
     * @param k cut-off
     * @return {@code 1 - C(n - r, k) / C(n, k)}
     */
    static double chanceRecall(final int n, final int r, final int k) {
        if (k >= n) {
            return 1.0;
        }
        double none = 1.0;
        for (int i = 0; i < k; i++) {
            none *= (double) (n - r - i) / (n - i);
            if (none <= 0) {
                return 1.0;
            }
        }
        return 1.0 - none;
    }

    /** The smallest k with chanceRecall(n, r, k) >= 0.5. */
    static double chanceMedianRank(final int n, final int r) {
        double none = 1.0;
        for (int k = 1; k <= n; k++) {
            none *= (double) (n - r - (k - 1)) / (n - (k - 1));
            if (1.0 - none >= 0.5) {
                return k;
            }
        }
        return n;
    }

    private static double share(final int[] ranks, final int k) {
        return Arrays.stream(ranks).filter(r -> r <= k).count() / (double) ranks.length;
    }

    static double median(final double[] values) {
        final double[] s = values.clone();
        Arrays.sort(s);
        final int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double dot(final float[] a, final float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
