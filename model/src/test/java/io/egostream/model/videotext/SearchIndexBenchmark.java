package io.egostream.model.videotext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Search latency versus number of cameras and horizon (not a test: run it by hand, see BENCHMARKS.md "Search").
 * Each camera holds what the live indexer keeps at the default model sizes: a segment entry per 8-frame chunk
 * (4.27 s at 1.875 frames/s, 843.75 per hour) and a window entry per 8 chunks (105.5 per hour), 384-d unit
 * embeddings (seeded random: latency does not depend on the values). Measured per configuration, after a
 * warm-up, over 100 queries, each timed 3 times keeping the fastest (the machine is shared): {@link SearchIndex#search} at the segment level over every camera (k = 10), the
 * same for one camera, and a baseline in the same run that scores every entry into an array and sorts it
 * fully; heap bytes per camera-hour from the JVM's used heap before and after filling (after GC).
 *
 * <pre>mvn -B -q -pl model -am test-compile
 * (cd model &amp;&amp; mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
 * java -Xmx4g -cp "model/target/test-classes:model/target/classes:$(cat model/target/cp.txt)" \
 *     io.egostream.model.videotext.SearchIndexBenchmark</pre>
 */
public final class SearchIndexBenchmark {

    private static final int E = 384;
    private static final double CHUNK_SECONDS = 8 / 1.875;
    private static final int QUERIES = 100;
    private static final int REPEATS = 3;

    private SearchIndexBenchmark() {
    }

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args ignored
     */
    public static void main(final String[] args) {
        System.out.println("| cameras | horizon | entries | heap per camera-hour | search all p50 | p95 | one camera p50"
                + " | baseline (score all + sort) p50 | baseline / search |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (final int minutes : new int[] {15, 60, 120}) {
            for (final int cameras : new int[] {1, 10, 50, 100}) {
                run(cameras, minutes);
            }
        }
    }

    private static void run(final int cameras, final int minutes) {
        final long horizonMs = minutes * 60_000L;
        final int chunks = (int) Math.floor(minutes * 60 / CHUNK_SECONDS);
        final long before = usedHeap();
        final SearchIndex index = new SearchIndex(E, horizonMs, chunks + 2);
        final SplittableRandom r = new SplittableRandom(cameras * 1000L + minutes);
        for (int c = 0; c < cameras; c++) {
            final String camera = "camera-" + c;
            for (int k = 0; k < chunks; k++) {
                final long startMs = Math.round(k * CHUNK_SECONDS * 1000);
                index.put(entry(camera, SearchLevel.SEGMENT, 8L * k, startMs, startMs + 4_267, r));
                if (k % 8 == 7 && k >= 15) {
                    final long ws = Math.round((k - 15) * CHUNK_SECONDS * 1000);
                    index.put(entry(camera, SearchLevel.WINDOW, 8L * (k - 15), ws, startMs + 4_267, r));
                }
            }
        }
        final long heap = usedHeap() - before;
        final float[][] queries = new float[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = unit(r);
        }
        final List<SearchEntry> all = new ArrayList<>();
        for (final String c : index.cameras()) {
            all.addAll(index.entries(c, SearchLevel.SEGMENT));
        }
        for (int w = 0; w < 30; w++) {
            index.search(new SearchRequest(queries[w % QUERIES], null, Long.MIN_VALUE, SearchLevel.SEGMENT, 10));
            baseline(all, queries[w % QUERIES]);
        }
        final double[] t = new double[QUERIES];
        final double[] one = new double[QUERIES];
        final double[] base = new double[QUERIES];
        long sink = 0;
        for (int q = 0; q < QUERIES; q++) {
            t[q] = Double.MAX_VALUE;
            one[q] = Double.MAX_VALUE;
            base[q] = Double.MAX_VALUE;
            for (int rep = 0; rep < REPEATS; rep++) {
                long s = System.nanoTime();
                sink += index.search(new SearchRequest(queries[q], null, Long.MIN_VALUE, SearchLevel.SEGMENT, 10))
                        .size();
                t[q] = Math.min(t[q], (System.nanoTime() - s) / 1e6);
                s = System.nanoTime();
                sink += index.search(new SearchRequest(queries[q], "camera-0", Long.MIN_VALUE, SearchLevel.SEGMENT,
                        10)).size();
                one[q] = Math.min(one[q], (System.nanoTime() - s) / 1e6);
                s = System.nanoTime();
                sink += baseline(all, queries[q]);
                base[q] = Math.min(base[q], (System.nanoTime() - s) / 1e6);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        final double hours = minutes / 60.0;
        System.out.printf(Locale.ROOT, "| %d | %d min | %d | %.2f MB | %.3f ms | %.3f ms | %.3f ms | %.3f ms | x%.1f |%n",
                cameras, minutes, index.size(), heap / (cameras * hours) / 1e6, percentile(t, 50),
                percentile(t, 95), percentile(one, 50), percentile(base, 50), percentile(base, 50) / percentile(t, 50));
    }

    /** Scores every entry into an array, sorts all, keeps 10: what a first implementation would do. */
    private static int baseline(final List<SearchEntry> entries, final float[] q) {
        final SearchHit[] hits = new SearchHit[entries.size()];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = new SearchHit(entries.get(i), SearchIndex.dot(q, entries.get(i).embedding()));
        }
        Arrays.sort(hits, Comparator.comparingDouble(SearchHit::score).reversed());
        return Math.min(10, hits.length);
    }

    private static SearchEntry entry(final String camera, final SearchLevel level, final long first,
            final long startMs, final long endMs, final SplittableRandom r) {
        return new SearchEntry(camera, 0, level, first, first + 7, startMs / 1000.0, endMs / 1000.0, startMs, endMs,
                true, unit(r));
    }

    private static float[] unit(final SplittableRandom r) {
        final float[] v = new float[E];
        for (int i = 0; i < E; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return VideoTextEncoder.unit(v);
    }

    private static double percentile(final double[] v, final int p) {
        final double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        final Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
