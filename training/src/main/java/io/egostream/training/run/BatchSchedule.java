package io.egostream.training.run;

import io.egostream.model.domain.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which samples each optimiser step uses. Per task, every pass over its samples is a seeded permutation
 * cut into full batches (the last partial batch is dropped, as the reference's {@code drop_last}; a task
 * with fewer samples than a batch uses them all); an epoch is the longest task's number of batches and
 * shorter tasks start new passes (the reference's {@code InfiniteLoader}). Permutations depend only on
 * (seed, task, epoch, pass), so a resumed run draws the same batches.
 */
final class BatchSchedule {

    private final Map<Task, Integer> sizes;
    private final Map<Task, Integer> batches;
    private final long seed;
    private final int stepsPerEpoch;

    /**
     * @param sizes samples per task
     * @param batchSizes batch size per task
     * @param seed the run's seed
     * @param cap most steps per epoch, 0 = no cap
     */
    BatchSchedule(final Map<Task, Integer> sizes, final Map<Task, Integer> batchSizes, final long seed, final int cap) {
        this.sizes = new LinkedHashMap<>(sizes);
        this.batches = new LinkedHashMap<>();
        int longest = 0;
        for (final Map.Entry<Task, Integer> e : sizes.entrySet()) {
            if (e.getValue() == 0) {
                throw new IllegalArgumentException("the training split has no " + e.getKey() + " samples");
            }
            final int b = Math.min(batchSizes.get(e.getKey()), e.getValue());
            batches.put(e.getKey(), b);
            longest = Math.max(longest, e.getValue() / b);
        }
        this.seed = seed;
        this.stepsPerEpoch = cap > 0 ? Math.min(cap, longest) : longest;
    }

    int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    int batchSize(final Task task) {
        return batches.get(task);
    }

    /**
     * @param task a task
     * @param epoch the epoch, 0-based
     * @param step the step inside the epoch
     * @return the sample indices of that task's batch
     */
    int[] indices(final Task task, final int epoch, final int step) {
        final int n = sizes.get(task);
        final int b = batches.get(task);
        final int perPass = n / b;
        final int pass = step / perPass;
        final int j = step % perPass;
        final int[] perm = permutation(n, mix(seed, task.ordinal(), epoch, pass));
        final int[] out = new int[b];
        System.arraycopy(perm, j * b, out, 0, b);
        return out;
    }

    /**
     * @param task a task
     * @param epoch the epoch
     * @param step the step
     * @return the seed of that batch's own randomness (PNR crops)
     */
    long batchSeed(final Task task, final int epoch, final int step) {
        return mix(seed ^ 0x5DEECE66DL, task.ordinal(), epoch, step);
    }

    private static int[] permutation(final int n, final long seed) {
        final int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        final SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            final int k = r.nextInt(i + 1);
            final int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }

    static long mix(final long seed, final long a, final long b, final long c) {
        long h = seed;
        for (final long v : new long[] {a, b, c}) {
            h = (h ^ v) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 31;
        }
        return h;
    }
}
