package io.egostream.training.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassHoldoutTest {

    @Test
    void everyNthFrequencyRankIsHeldOut() {
        // counts: class 0 -> 1, 1 -> 5, 2 -> 3, 3 -> 0, 4 -> 3, 5 -> 2; ranks: 1, 2, 4 (tie: lower index), 5, 0
        final int[] labels = {1, 1, 1, 1, 1, 2, 2, 2, 4, 4, 4, 5, 5, 0};
        final ClassHoldout h = ClassHoldout.byFrequencyRank(labels, 6, 2);
        assertEquals(List.of(1, 4, 0), h.base());
        assertEquals(List.of(2, 5), h.novel());
        final ClassHoldout quarter = ClassHoldout.byFrequencyRank(labels, 6, 4);
        assertEquals(List.of(1, 2, 4, 0), quarter.base());
        assertEquals(List.of(5), quarter.novel());
    }

    @Test
    void positionsInAListOrMinusOne() {
        assertArrayEquals(new int[] {1, -1, 0, -1}, ClassHoldout.positionsIn(new int[] {4, 2, 1, 9}, List.of(1, 4)));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassHoldout.byFrequencyRank(new int[] {0}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassHoldout.byFrequencyRank(new int[] {3}, 2, 4));
    }
}
