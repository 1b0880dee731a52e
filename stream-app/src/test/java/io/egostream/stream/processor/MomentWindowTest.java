package io.egostream.stream.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.FrameRange;
import io.egostream.model.nms.NmsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class MomentWindowTest {

    private static MomentCandidate candidate(final double start, final double end, final double score, final int c) {
        return new MomentCandidate(0, start, end, score, c, "m" + c, new FrameRange(0, 1));
    }

    private final MomentWindow window = new MomentWindow(NmsConfig.hard(0.5, 0.0, 100));

    @Test
    void shouldEmitOnlyMomentsEndingBetweenTheHorizons() {
        final List<MomentCandidate> pending = List.of(candidate(0, 10, 0.9, 1), candidate(20, 30, 0.8, 1),
                candidate(40, 50, 0.7, 1));
        final List<MomentCandidate> first = window.emit(pending, Double.NEGATIVE_INFINITY, 35);
        assertEquals(2, first.size());
        final List<MomentCandidate> second = window.emit(pending, 35, Double.POSITIVE_INFINITY);
        assertEquals(1, second.size());
        assertEquals(50, second.get(0).endSeconds());
    }

    @Test
    void overlappingCandidatesOfOneClassAreSuppressed() {
        final List<MomentCandidate> pending = List.of(candidate(0, 10, 0.9, 1), candidate(1, 10, 0.8, 1),
                candidate(1, 10, 0.8, 2));
        final List<MomentCandidate> out = window.emit(pending, Double.NEGATIVE_INFINITY, 100);
        assertEquals(2, out.size(), "hard NMS drops the weaker overlapping moment of class 1, keeps class 2");
        assertTrue(out.stream().anyMatch(m -> m.classId() == 2));
    }

    @Test
    void nothingIsEmittedWhenTheHorizonDoesNotMove() {
        assertTrue(window.emit(List.of(candidate(0, 10, 0.9, 1)), 20, 20).isEmpty());
    }

    @Test
    void candidatesRoundTripThroughTheirEncoding() {
        final MomentCandidate c = new MomentCandidate(3, 1.5, 9.25, 0.42, 17, "cut_dough", new FrameRange(2, 17));
        assertEquals(c, MomentCandidate.decode(c.encode()));
    }
}
