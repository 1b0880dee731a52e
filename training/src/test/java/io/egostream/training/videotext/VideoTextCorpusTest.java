package io.egostream.training.videotext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.egostream.model.synth.ActionSegment;
import io.egostream.model.synth.VideoTimeline;
import io.egostream.model.videotext.VideoTextConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoTextCorpusTest {

    /** 2 frames per second, chunks of 2 frames (1 s), windows of 3 chunks every 2 chunks. */
    private static final VideoTextConfig CONFIG = new VideoTextConfig(3, 4, 5, 4, 2, 3, 2);

    @Test
    void segmentsAndWindowsCoverTheAnnotatedFrames() {
        final VideoTimeline t = new VideoTimeline("v", 12.0, List.of(
                new ActionSegment("a", 0.2, 1.1, 0, 0, "Take  Plate"),
                new ActionSegment("b", 3.0, 3.2, 0, 0, "wash plate"),
                new ActionSegment("c", 4.9, 6.0, 0, 0, "rinse sponge"),
                new ActionSegment("d", 9.8, 12.0, 0, 0, "beyond the features")));
        final VideoTextCorpus corpus = new VideoTextCorpus(List.of(t), v -> new float[15][3], CONFIG, 2.0);
        // 15 frames = 7.5 s: "d" starts at frame 19 and is skipped.
        assertEquals(List.of(new SegmentSample("v", 0, 3, "take plate"), new SegmentSample("v", 6, 1, "wash plate"),
                new SegmentSample("v", 9, 3, "rinse sponge")), corpus.segments());
        // 7 whole chunks; windows at chunks 0, 2, 4 = [0, 3), [2, 5), [4, 7) s ("rinse sponge" is 0.1 s of 1.1 inside
        // the second window: left out there).
        assertEquals(List.of(new WindowSample("v", 0, 3, "take plate"), new WindowSample("v", 2, 3, "wash plate"),
                new WindowSample("v", 4, 3, "rinse sponge")), corpus.windows(2));
    }

    @Test
    void summaryKeepsNarrationsMostlyInsideRankedByTimeThenInTimeOrder() {
        final List<ActionSegment> s = List.of(
                new ActionSegment("1", 0, 1, 0, 0, "open fridge"),
                new ActionSegment("2", 1, 5, 0, 0, "cut onion"),
                new ActionSegment("3", 5, 6, 0, 0, "open fridge"),
                new ActionSegment("4", 9, 20, 0, 0, "wash pan"));  // 1 of 11 s inside: left out
        assertEquals("open fridge, cut onion", SummaryText.of(s, 0, 10));
        assertEquals("", SummaryText.of(s, 30, 40));
    }
}
