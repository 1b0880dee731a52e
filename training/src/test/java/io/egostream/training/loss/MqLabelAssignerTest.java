package io.egostream.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MqLabelAssignerTest {

    /*
     * Clip 0 (levels 0 and 1) has four moments:
     *   A [0.5, 2.5] label 1 (2 s), B [1.0, 1.5] label 3 (0.5 s), C [1.0, 1.5004] label 0 (0.5004 s),
     *   D [0, 40] label 2 (40 s).
     * Clip 1 (level 0 only) has E [0, 1] label 4 and F [0, 30] label 2.
     */
    private static final List<MqGroundTruth> TRUTHS = List.of(
            new MqGroundTruth(new float[] {0.5f, 1.0f, 1.0f, 0f}, new float[] {2.5f, 1.5f, 1.5004f, 40f},
                    new int[] {1, 3, 0, 2}),
            new MqGroundTruth(new float[] {0f, 0f}, new float[] {1f, 30f}, new int[] {4, 2}));

    @Test
    void shouldAssignTheShortestInsideMomentWithinTheLevelRange() {
        final float[] pos = {0.25f, 1.25f, 2.0f, 20f, 1.25f, 0.5f, 0.5f};
        final long[] depth = {0, 0, 0, 1, 1, 0, 0};
        final long[] clip = {0, 0, 0, 0, 0, 0, 1};
        final MqTargets t = new MqLabelAssigner(5).assign(pos, depth, clip, TRUTHS);

        // p0: only D contains it, but max(0.25, 39.75) > 4 s, level 0's upper bound: negative
        // p1: A, B, C qualify; B is the shortest and C is within 1e-3 s: classes {3, 0}, target B (0.25, 0.25)
        // p2: only A contains it: class 1, target (1.5, 0.5)
        // p3: level 1 is clip 0's deepest, so D (max 20 s <= 10000) qualifies: class 2, target (20, 20) / 2
        // p4: A's max 1.25 s is below level 1's lower bound 2 s; D qualifies: class 2, (1.25, 38.75) / 2
        // p5: on A's start (left = 0 is not inside) and D is out of range: negative
        // p6: clip 1 has one level, so F also qualifies, but E is shorter: class 4, target (0.5, 0.5)
        assertArrayEquals(new boolean[] {false, true, true, true, true, false, true}, t.positive());
        assertEquals(5, t.positiveCount());
        final float[] cls = t.classTargets();
        assertArrayEquals(new float[] {0, 0, 0, 0, 0}, row(cls, 0));
        assertArrayEquals(new float[] {1, 0, 0, 1, 0}, row(cls, 1));
        assertArrayEquals(new float[] {0, 1, 0, 0, 0}, row(cls, 2));
        assertArrayEquals(new float[] {0, 0, 1, 0, 0}, row(cls, 3));
        assertArrayEquals(new float[] {0, 0, 1, 0, 0}, row(cls, 4));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0}, row(cls, 5));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1}, row(cls, 6));
        assertArrayEquals(new float[] {0.25f, 0.25f, 1.5f, 0.5f, 10f, 10f, 0.625f, 19.375f, 0.5f, 0.5f},
                t.positiveRegressionTargets(), 1e-6f);
        assertArrayEquals(new long[] {1, 2, 3, 4, 6}, t.positiveIndices());
    }

    @Test
    void aLabelOutsideTheClassesShouldBeRejected() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MqLabelAssigner(4).assign(new float[] {1f}, new long[] {0}, new long[] {0}, TRUTHS));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("label 4"), e.getMessage());
    }

    @Test
    void aMomentThatEndsBeforeItStartsShouldBeRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new MqGroundTruth(new float[] {2f}, new float[] {1f}, new int[] {0}));
    }

    private static float[] row(final float[] cls, final int i) {
        return java.util.Arrays.copyOfRange(cls, i * 5, i * 5 + 5);
    }
}
