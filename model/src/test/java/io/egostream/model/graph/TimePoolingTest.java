package io.egostream.model.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimePoolingTest {

    /** Applies a slot plan to scalar node values. */
    static float[] apply(final SlotPlan p, final float[] x) {
        final float[] out = new float[p.rows()];
        final long[] idx = p.index();
        final float[] coef = p.coef();
        for (int s = 0; s < p.slots(); s++) {
            for (int i = 0; i < p.rows(); i++) {
                out[i] += coef[s * p.rows() + i] * x[(int) idx[s * p.rows() + i]];
            }
        }
        return out;
    }

    @Test
    void shouldCountTheCentreTwiceAndKeepEvenIndices() {
        // clip 0: five nodes 1..5; clip 1: one node 10
        final NodeSet nodes = new NodeSet(new float[] {0.25f, 0.75f, 1.25f, 1.75f, 2.25f, 0.25f},
                new long[] {0, 0, 0, 0, 0, 1}, new long[] {0, 1, 2, 3, 4, 0});
        final TimePooling p = TimePooling.of(nodes);
        final float[] pooled = apply(p.plan(), new float[] {1, 2, 3, 4, 5, 10});
        assertArrayEquals(new float[] {(2 * 1 + 2) / 3f, (2 + 2 * 3 + 4) / 4f, (4 + 2 * 5) / 3f, 10f}, pooled, 1e-6f);
        assertEquals(4, p.pooled().size());
        assertArrayEquals(new float[] {0.25f, 1.25f, 2.25f, 0.25f}, p.pooled().pos());
        assertArrayEquals(new long[] {0, 1, 2, 0}, p.pooled().indices());
        assertArrayEquals(new long[] {0, 0, 0, 1}, p.pooled().clip());
    }

    @Test
    void anEvenLengthClipKeepsHalfAndItsLastKeptNodeReadsTheOddNeighbour() {
        final NodeSet nodes = new NodeSet(new float[] {0, 1, 2, 3}, new long[4], new long[] {0, 1, 2, 3});
        final TimePooling p = TimePooling.of(nodes);
        assertArrayEquals(new float[] {(2 * 1 + 2) / 3f, (2 + 2 * 3 + 4) / 4f}, apply(p.plan(), new float[] {1, 2, 3, 4}),
                1e-6f);
    }
}
