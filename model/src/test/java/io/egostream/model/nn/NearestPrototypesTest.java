package io.egostream.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NearestPrototypesTest {

    @Test
    void boundedSelectionShouldEqualAStableFullSortIncludingTiesAndNaN() {
        final SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            final int p = 1 + r.nextInt(60);
            final int keep = 1 + r.nextInt(p);
            final float[] d = new float[p];
            for (int j = 0; j < p; j++) {
                d[j] = r.nextInt(8) == 0 ? Float.NaN : r.nextInt(6) / 4f;
            }
            final Integer[] order = new Integer[p];
            for (int j = 0; j < p; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (x, y) -> {
                final int c = Float.compare(d[x], d[y]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            final int[] expected = new int[keep];
            for (int t = 0; t < keep; t++) {
                expected[t] = order[t];
            }
            assertArrayEquals(expected, EgoPackInteraction.nearestOfRow(d, 0, p, keep), Arrays.toString(d));
        }
    }
}
