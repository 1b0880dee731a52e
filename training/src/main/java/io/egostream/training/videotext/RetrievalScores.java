package io.egostream.training.videotext;

/**
 * Text-to-video retrieval quality: for each query text, the rank of the best-ranked relevant item of the gallery
 * (1 = first); R@K is the share of queries with that rank &lt;= K. Chance is what a random ranking scores in
 * expectation, computed exactly per query (a query with r relevant items among N finds one in the top K with
 * probability {@code 1 - C(N - r, K) / C(N, K)}) and averaged; the chance median rank is the median over queries of
 * each query's median first-relevant rank under a random ranking.
 *
 * @param queries query texts
 * @param gallery items ranked per query
 * @param recallAt1 share of queries with a relevant item first
 * @param recallAt5 share with one in the top 5
 * @param recallAt10 share with one in the top 10
 * @param medianRank median first-relevant rank
 * @param chanceRecallAt1 expected R@1 of a random ranking
 * @param chanceRecallAt5 expected R@5 of a random ranking
 * @param chanceRecallAt10 expected R@10 of a random ranking
 * @param chanceMedianRank median rank of a random ranking
 */
public record RetrievalScores(int queries, int gallery, double recallAt1, double recallAt5, double recallAt10,
        double medianRank, double chanceRecallAt1, double chanceRecallAt5, double chanceRecallAt10,
        double chanceMedianRank) {

    /** Validates the counts. */
    public RetrievalScores {
        if (queries < 1 || gallery < 1) {
            throw new IllegalArgumentException("retrieval needs queries and a gallery, got " + queries + " and "
                    + gallery);
        }
    }

    /**
     * How many times better than chance R@10 is.
     *
     * @return {@code recallAt10 / chanceRecallAt10}
     */
    public double recallAt10OverChance() {
        return recallAt10 / chanceRecallAt10;
    }
}
