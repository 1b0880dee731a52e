package io.egostream.model.nms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftNmsKernelTest {

    private static final float EPS = (float) 1e-6;

    private static SoftNmsKernel.Kept run(final float[][] segs, final float[] scores, final int method,
            final float thr, final float sigma, final float minScore) {
        final float[] s = new float[segs.length];
        final float[] e = new float[segs.length];
        for (int i = 0; i < segs.length; i++) {
            s[i] = segs[i][0];
            e[i] = segs[i][1];
        }
        return SoftNmsKernel.run(s, e, scores, method, thr, sigma, minScore);
    }

    @Test
    void gaussianDecaysEveryLaterScoreByExpOfSquaredOverlapOverSigma() {
        // [0,10] and [5,15]: inter 5, union (10+1e-6)+(10+1e-6)-5; sigma 0.5 (not 2*sigma^2)
        final SoftNmsKernel.Kept k = run(new float[][] {{0, 10}, {5, 15}}, new float[] {0.9f, 0.8f}, 2, 0.1f,
                0.5f, 0.001f);
        final float area = 10f + EPS;
        final float ovr = 5f / (area + area - 5f);
        final float expected = 0.8f * (float) Math.exp(-(ovr * ovr) / 0.5f);
        assertArrayEquals(new int[] {0, 1}, k.sourceIndices());
        assertEquals(0.9f, k.scores()[0]);
        assertEquals(expected, k.scores()[1], 1e-7f);
        assertEquals(0.8f * 0.80073740f, k.scores()[1], 1e-6f);
    }

    @Test
    void gaussianIgnoresTheIouThreshold() {
        // overlap 1/3 is below the 0.5 threshold, the Gaussian still decays
        final SoftNmsKernel.Kept k = run(new float[][] {{0, 10}, {5, 15}}, new float[] {0.9f, 0.8f}, 2, 0.5f,
                0.5f, 0.001f);
        assertEquals(0.8f * 0.80073740f, k.scores()[1], 1e-6f);
    }

    @Test
    void linearDecaysByOneMinusOverlapOnlyFromTheThreshold() {
        final float area = 10f + EPS;
        final float ovr = 5f / (area + area - 5f);
        final SoftNmsKernel.Kept decayed = run(new float[][] {{0, 10}, {5, 15}}, new float[] {0.9f, 0.8f}, 1,
                0.3f, 0.5f, 0.001f);
        assertEquals(0.8f * (1f - ovr), decayed.scores()[1]);
        final SoftNmsKernel.Kept untouched = run(new float[][] {{0, 10}, {5, 15}}, new float[] {0.9f, 0.8f}, 1,
                0.34f, 0.5f, 0.001f);
        assertEquals(0.8f, untouched.scores()[1]);
    }

    @Test
    void hardWeightsZeroTheScoreAtOrAboveTheThresholdAndDropIt() {
        final SoftNmsKernel.Kept k = run(new float[][] {{0, 10}, {5, 15}, {30, 40}},
                new float[] {0.9f, 0.8f, 0.7f}, 0, 0.3f, 0.5f, 0.001f);
        assertArrayEquals(new int[] {0, 2}, k.sourceIndices());
        // min_score 0 keeps a zeroed score (0 < 0 is false)
        final SoftNmsKernel.Kept kept = run(new float[][] {{0, 10}, {5, 15}}, new float[] {0.9f, 0.8f}, 0, 0.3f,
                0.5f, 0f);
        assertArrayEquals(new int[] {0, 1}, kept.sourceIndices());
        assertEquals(0f, kept.scores()[1]);
    }

    @Test
    void equalMaximaGoToTheFirstPositionOfTheAlreadySwappedArray() {
        // i=0 swaps the 0.9 at position 2 with position 0: [s2, s1, s0]; the tie 0.3/0.3 then goes to s1
        final SoftNmsKernel.Kept k = run(new float[][] {{0, 1}, {2, 3}, {4, 5}}, new float[] {0.3f, 0.3f, 0.9f},
                2, 0.1f, 0.5f, 0.001f);
        assertArrayEquals(new int[] {2, 1, 0}, k.sourceIndices());
        assertArrayEquals(new float[] {4, 2, 0}, k.starts());
    }

    @Test
    void removalMovesTheLastLiveSegmentInAndReexaminesThePosition() {
        // s1 identical to s0 and s3 inside s0 both fall to 0; s3 then s2 are moved into position 1
        final SoftNmsKernel.Kept k = run(new float[][] {{0, 10}, {0, 10}, {20, 30}, {1, 10}},
                new float[] {0.9f, 0.5f, 0.4f, 0.8f}, 0, 0.5f, 0.5f, 0.001f);
        assertArrayEquals(new int[] {0, 2}, k.sourceIndices());
        assertArrayEquals(new float[] {0.9f, 0.4f}, k.scores());
    }

    @Test
    void oneSegmentBelowMinScoreSurvivesBecauseTheMaximumIsTakenFirst() {
        final SoftNmsKernel.Kept k = run(new float[][] {{0, 1}, {2, 3}, {4, 5}},
                new float[] {0.0002f, 0.0005f, 0.0001f}, 2, 0.1f, 0.5f, 0.001f);
        assertArrayEquals(new int[] {1}, k.sourceIndices());
        assertArrayEquals(new float[] {0.0005f}, k.scores());
    }

    @Test
    void zeroLengthAndIdenticalSegments() {
        // two zero-length segments at the same time: inter 0, overlap 0, no decay
        final SoftNmsKernel.Kept zero = run(new float[][] {{3, 3}, {3, 3}}, new float[] {0.9f, 0.8f}, 2, 0.1f,
                0.5f, 0.001f);
        assertArrayEquals(new float[] {0.9f, 0.8f}, zero.scores());
        // identical segments of length 2: overlap 2 / (2 + 2e-6) in float32, just below 1
        final SoftNmsKernel.Kept same = run(new float[][] {{1, 3}, {1, 3}}, new float[] {0.9f, 0.8f}, 2, 0.1f,
                0.5f, 0.001f);
        final float area = 2f + EPS;
        final float ovr = 2f / (area + area - 2f);
        assertEquals(0.8f * (float) Math.exp(-(ovr * ovr) / 0.5f), same.scores()[1]);
        assertEquals(0.8f * (float) Math.exp(-2.0), same.scores()[1], 1e-6f);
    }

    @Test
    void emptyInput() {
        assertEquals(0, run(new float[0][], new float[0], 2, 0.1f, 0.5f, 0.001f).size());
    }
}
