package io.egostream.model.nms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmentNmsTest {

    private static Candidates candidates(final float[][] rows) {
        final Candidates.Builder b = Candidates.builder();
        for (final float[] r : rows) {
            b.add(r[0], r[1], r[2], (int) r[3]);
        }
        return b.build();
    }

    @Test
    void hardNmsDropsLaterSegmentsOverlappingAtOrAboveTheThreshold() {
        // [0,10] vs [5,15]: 1/3; vs [2,12]: 8/12; vs [20,30]: 0
        final Candidates in = candidates(new float[][] {
            {5, 15, 0.8f, 0}, {0, 10, 0.9f, 0}, {2, 12, 0.7f, 0}, {20, 30, 0.6f, 0}});
        final Candidates out = SegmentNms.apply(in, NmsConfig.hard(0.3, 0.001, 100));
        assertArrayEquals(new float[] {0, 20}, out.starts());
        assertArrayEquals(new float[] {0.9f, 0.6f}, out.scores());
        final Candidates loose = SegmentNms.apply(in, NmsConfig.hard(0.34, 0.001, 100));
        assertArrayEquals(new float[] {0, 5, 20}, loose.starts());
    }

    @Test
    void hardNmsKeepsOnlyScoresStrictlyAboveMinScore() {
        final Candidates in = candidates(new float[][] {{0, 1, 0.001f, 0}, {2, 3, 0.0011f, 0}, {4, 5, 0.0005f, 0}});
        assertArrayEquals(new float[] {2}, SegmentNms.apply(in, NmsConfig.hard(0.1, 0.001, 10)).starts());
        assertEquals(3, SegmentNms.apply(in, NmsConfig.hard(0.1, 0, 10)).size());
    }

    @Test
    void allScoresBelowMinScore() {
        final Candidates in = candidates(new float[][] {{0, 1, 0.0002f, 0}, {2, 3, 0.0005f, 0}, {4, 5, 0.0001f, 1}});
        // hard NMS filters them all out
        assertEquals(0, SegmentNms.apply(in, NmsConfig.hard(0.1, 0.001, 10)).size());
        // soft-NMS keeps the best of each class (the reference quirk)
        final Candidates soft = SegmentNms.apply(in, NmsConfig.softGaussian(0.5, 0.001, 10));
        assertArrayEquals(new float[] {2, 4}, soft.starts());
        assertArrayEquals(new int[] {0, 1}, soft.labels());
    }

    @Test
    void multiclassRunsPerClassThenSortsByScoreWithTiesInClassOrder() {
        // identical segments of different classes do not suppress each other
        final Candidates in = candidates(new float[][] {
            {0, 10, 0.5f, 7}, {0, 10, 0.9f, 3}, {0, 10, 0.5f, 3}, {40, 50, 0.5f, 1}});
        final Candidates out = SegmentNms.apply(in, NmsConfig.hard(0.5, 0.001, 100));
        assertArrayEquals(new float[] {0.9f, 0.5f, 0.5f}, out.scores());
        assertArrayEquals(new int[] {3, 1, 7}, out.labels());
    }

    @Test
    void capsPerClassAndInTotal() {
        final Candidates in = candidates(new float[][] {
            {0, 1, 0.9f, 0}, {2, 3, 0.8f, 0}, {4, 5, 0.7f, 0}, {0, 1, 0.85f, 1}, {2, 3, 0.75f, 1}});
        final Candidates out = SegmentNms.apply(in, NmsConfig.softGaussian(0.5, 0.001, 2));
        assertArrayEquals(new float[] {0.9f, 0.85f}, out.scores());
        final Candidates three = SegmentNms.apply(in, NmsConfig.softGaussian(0.5, 0.001, 3));
        // class 0 keeps 0.9, 0.8 (cap 3 per class keeps 0.7 too); class 1 keeps both; total cap 3
        assertArrayEquals(new float[] {0.9f, 0.85f, 0.8f}, three.scores());
    }

    @Test
    void zeroLengthAndIdenticalSegmentsUnderHardNms() {
        final Candidates in = candidates(new float[][] {{3, 3, 0.9f, 0}, {3, 3, 0.8f, 0}, {1, 5, 0.7f, 0},
            {1, 5, 0.6f, 0}});
        // zero-length pair: overlap 0, both kept; identical [1,5] pair: overlap ~1, the worse one dropped;
        // [3,3] vs [1,5]: inter 0
        final Candidates out = SegmentNms.apply(in, NmsConfig.hard(0.5, 0.001, 10));
        assertArrayEquals(new float[] {0.9f, 0.8f, 0.7f}, out.scores());
    }

    @Test
    void classAgnosticVotingAveragesAllInputSegmentsWeightedByScoreTimesIou() {
        final Candidates in = candidates(new float[][] {{0, 10, 0.9f, 0}, {1, 11, 0.6f, 1}});
        final NmsConfig cfg = NmsConfig.softGaussian(0.75, 0.001, 100).withClassAgnosticVoting(0.5);
        final Candidates out = SegmentNms.apply(in, cfg);
        assertEquals(2, out.size());
        final double iou = 9.0 / 11.0;
        final double wa = 0.9 * 1.0;
        final double wb = 0.6 * iou;
        assertEquals((wa * 0 + wb * 1) / (wa + wb), out.start(0), 1e-5);
        assertEquals((wa * 10 + wb * 11) / (wa + wb), out.end(0), 1e-5);
        // the second kept segment votes with the original (undecayed) scores
        final double wa2 = 0.9 * iou;
        final double wb2 = 0.6;
        assertEquals((wa2 * 0 + wb2 * 1) / (wa2 + wb2), out.start(1), 1e-5);
        // scores are those of soft-NMS, and the labels follow their segments
        final float area = 10f + (float) 1e-6;
        final float ovr = 9f / (area + area - 9f);
        assertEquals(0.6f * (float) Math.exp(-(ovr * ovr) / 0.75f), out.score(1));
        assertArrayEquals(new int[] {0, 1}, out.labels());
        // without voting the segments stay
        final Candidates plain = SegmentNms.apply(in, cfg.withClassAgnosticVoting(0));
        assertArrayEquals(new float[] {0, 1}, plain.starts());
    }

    @Test
    void multiclassNeverVotes() {
        final Candidates in = candidates(new float[][] {{0, 10, 0.9f, 0}, {1, 11, 0.6f, 0}});
        final Candidates out = SegmentNms.apply(in, NmsPreset.HIER_EGOPACK.nms());
        assertArrayEquals(new float[] {0, 1}, out.starts());
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals(0, SegmentNms.apply(Candidates.empty(), NmsPreset.ANET.nms()).size());
    }
}
