package io.egostream.model.videotext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoTextEncoderTest {

    @Test
    void sampledFramesAreAllOrEvenlySpaced() {
        assertArrayEquals(new int[] {0, 1, 2}, VideoTextEncoder.sampledFrames(3, 4));
        assertArrayEquals(new int[] {1, 4, 7, 10}, VideoTextEncoder.sampledFrames(12, 4));
        assertArrayEquals(new int[] {0, 1, 3, 4}, VideoTextEncoder.sampledFrames(5, 4));
        assertThrows(IllegalArgumentException.class, () -> VideoTextEncoder.sampledFrames(0, 4));
    }

    @Test
    void poolingIsRunningMeanAndMaxAndRestores() {
        final SegmentPooling p = new SegmentPooling(2);
        p.add(new float[] {1, 4});
        p.add(new float[] {3, 0});
        assertArrayEquals(new float[] {2, 2, 3, 4}, p.meanAndMax());
        final SegmentPooling q = SegmentPooling.restore(p.sum(), p.max(), p.frames());
        assertArrayEquals(p.meanAndMax(), q.meanAndMax());
    }

    /** D = 2, H = 1, E = 1 with hand-chosen weights. */
    @Test
    void handWorkedTinyNetwork() {
        final VideoTextConfig c = new VideoTextConfig(2, 1, 2, 2, 1, 2, 1);
        final Map<String, float[]> w = new LinkedHashMap<>();
        w.put("frame.weight", new float[] {1, 0});          // h = relu(std(x)[0])
        w.put("frame.bias", new float[] {0});
        w.put("segment.weight", new float[] {1, 1});        // z = relu(mean + max)
        w.put("segment.bias", new float[] {0});
        w.put("segment_proj.weight", new float[] {1, -1});  // e = unit(z, -z)
        w.put("segment_proj.bias", new float[] {0, 0});
        w.put("window_attn.weight", new float[] {0});       // equal attention
        w.put("window_attn.bias", new float[] {0});
        w.put("window_attn.score", new float[] {1});
        w.put("window.weight", new float[] {1, 0});          // u = relu(attended)
        w.put("window.bias", new float[] {0});
        w.put("window_proj.weight", new float[] {1, 0});     // w = unit(u, 0)
        w.put("window_proj.bias", new float[] {0, 2});
        final VideoTextEncoder enc = new VideoTextEncoder(new VideoTextModel("hand", c, w));
        // Frame (3, 1): mean 2, var 1, std -> (1/sqrt(1+1e-5), -...): h = 0.999995.
        final float h = (float) (1 / Math.sqrt(1 + 1e-5));
        assertArrayEquals(new float[] {h}, enc.frameHidden(new float[] {3, 1}), 1e-7f);
        // Frames (3,1) and (1,3): h = 0.999995 and 0 -> mean 0.4999975, max 0.999995 -> z = 1.4999925.
        final float[] z = enc.segmentState(List.of(new float[] {3, 1}, new float[] {1, 3}));
        assertArrayEquals(new float[] {1.5f * h}, z, 1e-6f);
        final float s = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {s, -s}, enc.segmentEmbedding(z), 1e-6f);
        // Window over z = 1 and 3: attended = 2; w = unit(2, 2).
        assertArrayEquals(new float[] {s, s}, enc.windowEmbedding(List.of(new float[] {1}, new float[] {3})), 1e-6f);
        assertEquals(1.0, VideoTextEncoder.meanEmbedding(List.of(new float[] {1, 0}, new float[] {0, 1}))[0]
                / Math.sqrt(0.5), 1e-6);
    }
}
