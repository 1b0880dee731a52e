package io.egostream.model.graph;

/**
 * A weighted gather over a fixed number of slots per output row: output row {@code i} is
 * {@code sum_s coef[s*n + i] * input[index[s*n + i]]}, slot-major. Absent slots have coefficient 0 (and
 * point at row 0). This is how the banded graph operators (TDGC mean aggregation, time pooling, SAGE mean)
 * become a few dense tensor ops. Immutable.
 */
public final class SlotPlan {

    private final int slots;
    private final int rows;
    private final long[] index;
    private final float[] coef;

    /**
     * @param slots slots per row
     * @param rows output rows {@code n}
     * @param index source row per (slot, row), slot-major, length {@code slots * rows}
     * @param coef coefficient per (slot, row), slot-major
     */
    public SlotPlan(final int slots, final int rows, final long[] index, final float[] coef) {
        if (slots < 0 || rows < 0 || index.length != (long) slots * rows || coef.length != index.length) {
            throw new IllegalArgumentException("a slot plan of " + slots + " slots x " + rows + " rows needs "
                    + (long) slots * rows + " indices and coefficients, got " + index.length + " and " + coef.length);
        }
        this.slots = slots;
        this.rows = rows;
        this.index = index.clone();
        this.coef = coef.clone();
    }

    /** @return slots per row */
    public int slots() {
        return slots;
    }

    /** @return output rows */
    public int rows() {
        return rows;
    }

    /** @return a copy of the source rows, slot-major */
    public long[] index() {
        return index.clone();
    }

    /** @return a copy of the coefficients, slot-major */
    public float[] coef() {
        return coef.clone();
    }
}
