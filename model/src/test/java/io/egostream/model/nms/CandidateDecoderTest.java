package io.egostream.model.nms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateDecoderTest {

    // 3 points x 2 classes, point-major
    private static final LevelOutput LEVEL = new LevelOutput(
            new float[] {0.001f, 0.5f, 0.7f, 0.0011f, 0.5f, 0.2f},
            2,
            new float[] {0, 1, 2},
            new float[] {1, 1, 0.5f, 0.5f, 0.01f, 0.01f},
            new float[] {4, 4, 4});

    @Test
    void keepsScoresAboveTheThresholdBestFirstAndDecodesAroundThePoint() {
        final Candidates c = CandidateDecoder.decodeLevel(LEVEL, new PreNmsConfig(0.001, 100, 0.05));
        // 0.001 is not above the threshold; point 2 gives 2 +- 0.04, 0.08 long, 0.08 > 0.05
        assertArrayEquals(new float[] {0.7f, 0.5f, 0.5f, 0.2f, 0.0011f}, c.scores());
        assertArrayEquals(new int[] {0, 1, 0, 1, 1}, c.labels());
        assertArrayEquals(new float[] {-1f, -4f, 1.96f, 1.96f, -1f}, c.starts(), 1e-6f);
        assertArrayEquals(new float[] {3f, 4f, 2.04f, 2.04f, 3f}, c.ends(), 1e-6f);
    }

    @Test
    void topKAndMinimumDurationAreApplied() {
        assertEquals(2, CandidateDecoder.decodeLevel(LEVEL, new PreNmsConfig(0.001, 2, 0.05)).size());
        // the two 0.08-long segments of point 2 are dropped at min duration 0.081
        final Candidates c = CandidateDecoder.decodeLevel(LEVEL, new PreNmsConfig(0.001, 100, 0.081));
        assertArrayEquals(new float[] {0.7f, 0.5f, 0.0011f}, c.scores());
    }

    @Test
    void levelsAreConcatenatedInOrder() {
        final Candidates c = CandidateDecoder.decode(List.of(LEVEL, LEVEL), new PreNmsConfig(0.6, 10, 0));
        assertArrayEquals(new float[] {0.7f, 0.7f}, c.scores());
    }

    @Test
    void shapesAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new LevelOutput(new float[5], 2, new float[3], new float[6], new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new PreNmsConfig(0.001, 0, 0.05));
    }
}
