package io.egostream.model.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.nms.WindowedMomentNms;
import java.util.List;
import org.junit.jupiter.api.Test;

class MqNodeCandidatesTest {

    @Test
    void keepsTheMostProbableClassesAboveTheThresholdOnTheClippedSegment() {
        // logits 2, -1, 0, -9: probabilities 0.881, 0.269, 0.5, 0.0001
        final MqResult m = new MqResult(1, 3, 10f, 2f, new float[] {2, -1, 0, -9}, 1.5f, 4f);
        final List<WindowedMomentNms.Candidate> top2 = MqNodeCandidates.decode(m, 100, 2, 0.001);
        assertEquals(List.of(0, 2), top2.stream().map(WindowedMomentNms.Candidate::classId).toList());
        assertEquals(7.0, top2.get(0).startSeconds(), 1e-9, "pos - left * extent");
        assertEquals(18.0, top2.get(0).endSeconds(), 1e-9, "pos + right * extent");
        assertEquals(1 / (1 + Math.exp(-2)), top2.get(0).score(), 1e-9);
        assertEquals(3, MqNodeCandidates.decode(m, 100, 10, 0.001).size(), "the 4th class is below the threshold");
        assertEquals(15.0, MqNodeCandidates.decode(m, 15, 1, 0.001).get(0).endSeconds(), 1e-9, "clipped to the stream");
        assertTrue(MqNodeCandidates.decode(m, 5, 1, 0.001).isEmpty(), "a segment starting after the stream's end");
    }
}
