package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyframeErrorTest {

    private static float[] peakAt(final int index, final float peak) {
        final float[] s = new float[16];
        Arrays.fill(s, -1f);
        s[index] = peak;
        return s;
    }

    @Test
    void ego4dBaselineMapsTheArgmaxLinearlyAndDividesByTheClipFps() {
        // 240 frames over 8 s: fps 241 / 8; index 6 maps to 240 / 16 * 6 = 90 frames = the PNR
        assertEquals(0.0, KeyframeError.ego4dBaseline(peakAt(6, 3f), 100, 340, 190, 10.0, 18.0));
        // index 7 maps to 105: 15 frames off
        assertEquals(15 / (241 / 8.0), KeyframeError.ego4dBaseline(peakAt(7, 3f), 100, 340, 190, 10.0, 18.0),
                1e-15);
        // equal maxima: the first wins
        final float[] tie = peakAt(7, 3f);
        tie[2] = 3f;
        assertEquals(60 / (241 / 8.0), KeyframeError.ego4dBaseline(tie, 100, 340, 190, 10.0, 18.0), 1e-15);
    }

    @Test
    void candidateFramesAreTheFlooredLinspaceWithoutEndpoint() {
        assertArrayEquals(new long[] {100, 115, 130, 145, 160, 175, 190, 205, 220, 235, 250, 265, 280, 295, 310, 325},
                KeyframeError.candidateFrames(100, 340));
        // step 241 / 16 = 15.0625: 15 * 15.0625 = 225.9375 -> 225
        assertArrayEquals(new long[] {0, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180, 195, 210, 225},
                KeyframeError.candidateFrames(0, 241));
    }

    @Test
    void hierEgoPackUsesArgmaxWhenEveryLogitIsBelowPoint7() {
        // argmax index 3 -> frame 145, PNR 190: 45 frames at 30 fps
        assertEquals(1.5, KeyframeError.hierEgoPack(peakAt(3, 0.69f), 100, 340, 190));
    }

    @Test
    void hierEgoPackTakesTheLogitAbovePoint7NearestIndex7FirstOnTies() {
        final float[] two = peakAt(2, 0.9f);
        two[12] = 5f;
        // indices 2 and 12 are both 5 from index 7: the first (2, frame 130) wins over the larger logit
        assertEquals(2, KeyframeError.hierEgoPackIndex(two));
        assertEquals(2.0, KeyframeError.hierEgoPack(two, 100, 340, 190));
        final float[] near = peakAt(8, 0.8f);
        near[6] = 0.75f;
        near[0] = 9f;
        assertEquals(6, KeyframeError.hierEgoPackIndex(near));
    }

    @Test
    void aLogitOfExactlyPoint7AndNoneAboveFallsBackToArgmax() {
        final float[] s = peakAt(5, 0.7f);
        assertEquals(5, KeyframeError.hierEgoPackIndex(s));
    }

    @Test
    void frameLabelsMarkTheCandidateNearestThePnrFirstOnTies() {
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                KeyframeError.frameLabels(100, 340, 192));
        // frames 0, 16, ...: PNR 8 is 8 from both 0 and 16
        assertEquals(1, KeyframeError.frameLabels(0, 256, 8)[0]);
    }

    @Test
    void meanOfBatchMeansSkipsBatchesWithoutCountedClips() {
        final double[] errors = {1, 2, 3, 4, 5};
        final boolean[] counted = {true, true, false, false, true};
        assertEquals(3.25, KeyframeError.meanOfBatchMeans(errors, counted, 2));
        assertEquals(8.0 / 3, KeyframeError.meanOfBatchMeans(errors, counted, 5));
        assertThrows(IllegalArgumentException.class, () -> KeyframeError.meanOfBatchMeans(errors, counted, 0));
    }

    @Test
    void sixteenScoresAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> KeyframeError.hierEgoPackIndex(new float[15]));
    }
}
