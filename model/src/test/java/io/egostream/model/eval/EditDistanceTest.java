package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void plainLevenshteinWhereATranspositionCostsTwo() {
        // kitten -> sitting
        assertEquals(3, EditDistance.levenshtein(new int[] {'k', 'i', 't', 't', 'e', 'n'},
                new int[] {'s', 'i', 't', 't', 'i', 'n', 'g'}));
        assertEquals(2, EditDistance.levenshtein(new int[] {1, 2}, new int[] {2, 1}));
        assertEquals(3, EditDistance.levenshtein(new int[0], new int[] {1, 2, 3}));
        assertEquals(0, EditDistance.levenshtein(new int[] {4, 4}, new int[] {4, 4}));
    }

    @Test
    void editDistanceIsTheMinimumOverSequencesAveragedAndAuedTheTrapezoid() {
        final int[][] gt = {{1, 2, 3, 4}, {5, 5, 6, 6}};
        final int[][][] pred = {
            {{1, 2, 3, 4}, {4, 3, 2, 1}},
            {{5, 6, 5, 6}, {6, 6, 6, 6}}};
        final EditDistanceReport r = EditDistance.evaluate(pred, gt);
        // sample 1, prefixes: [5] 0; [5,5] vs [5,6] 1/2; [5,5,6] vs [5,6,5] 2/3; full 2/4
        assertArrayEquals(new double[] {0, 0.25, 1.0 / 3, 0.25}, r.atLength(), 1e-15);
        assertEquals(0.25, r.editDistance());
        final double aued = ((0 + 0.25) / 2 + (0.25 + 1.0 / 3) / 2 + (1.0 / 3 + 0.25) / 2) / 3;
        assertEquals(aued, r.aued(), 1e-15);
    }

    @Test
    void shapesAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> EditDistance.evaluate(new int[][][] {{{1, 2}}}, new int[][] {{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class,
                () -> EditDistance.evaluate(new int[][][] {{}}, new int[][] {{1}}));
    }
}
