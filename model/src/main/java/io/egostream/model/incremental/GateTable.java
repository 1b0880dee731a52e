package io.egostream.model.incremental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The TDGC gate vectors of every (level, TDGC) keyed by the exact float32 distance {@code |pos_j - pos_i|}
 * they were computed for. The offline forward computes each distinct distance of a clip; for evenly spaced
 * nodes these are {@code m * 0.5333 * 2^l} up to the float32 rounding of the timestamps, so a stream needs a
 * handful per offset (a few more as the timestamps grow past powers of two). Looking gates up by the exact
 * distance keeps the incremental values bit-for-bit on the offline gates; the table holds at most
 * {@link #MAX_ENTRIES} per TDGC and starts afresh when full.
 */
final class GateTable {

    /** Most distances kept per TDGC. */
    static final int MAX_ENTRIES = 4096;

    private final StepKernels kernels;
    private final List<Map<Integer, float[]>> tables;

    GateTable(final StepKernels kernels, final int depth) {
        this.kernels = kernels;
        this.tables = new ArrayList<>(2 * depth);
        for (int i = 0; i < 2 * depth; i++) {
            tables.add(new HashMap<>());
        }
    }

    /**
     * Computes (in one kernel call) the gates of the distances not yet in the table.
     *
     * @param level backbone level
     * @param tdgc 0 or 1
     * @param distanceBits {@code Float.floatToIntBits} of the distances needed
     */
    void ensure(final int level, final int tdgc, final Set<Integer> distanceBits) {
        final Map<Integer, float[]> t = tables.get(2 * level + tdgc);
        final List<Integer> missing = new ArrayList<>();
        for (final Integer b : distanceBits) {
            if (!t.containsKey(b)) {
                missing.add(b);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (t.size() + missing.size() > MAX_ENTRIES) {
            t.clear();
        }
        final float[] d = new float[missing.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = Float.intBitsToFloat(missing.get(i));
        }
        final float[] g = kernels.gates(level, tdgc, d);
        final int h = g.length / d.length;
        for (int i = 0; i < d.length; i++) {
            final float[] row = new float[h];
            System.arraycopy(g, i * h, row, 0, h);
            t.put(missing.get(i), row);
        }
    }

    /**
     * @param level backbone level
     * @param tdgc 0 or 1
     * @param distanceBits bits of a distance passed to {@link #ensure} in this pass
     * @return its gate vector {@code [H]}
     */
    float[] get(final int level, final int tdgc, final int distanceBits) {
        final float[] g = tables.get(2 * level + tdgc).get(distanceBits);
        if (g == null) {
            throw new IllegalStateException("gate of distance " + Float.intBitsToFloat(distanceBits) + " s at level "
                    + level + " was not prepared");
        }
        return g;
    }

    /** @return distances held over all TDGCs */
    int size() {
        return tables.stream().mapToInt(Map::size).sum();
    }
}
