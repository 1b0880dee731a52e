package io.egostream.model.incremental;

import io.egostream.model.nms.WindowedMomentNms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Moment candidates of one MQ node of the incremental evaluator, the streaming stand-in for the offline per-level
 * top-k decoding (which needs the whole clip): the node's {@code topClasses} most probable classes whose sigmoid
 * probability is above the pre-NMS threshold, each with the segment {@code [pos - left * extent, pos + right *
 * extent]} clipped to {@code [0, streamEnd]}. Used by the analyzer and by the offline measurement of the streaming
 * rules.
 */
public final class MqNodeCandidates {

    private MqNodeCandidates() {
    }

    /**
     * Decodes one node.
     *
     * @param m the node's MQ output
     * @param streamEndSeconds the end of the frames seen so far, seconds from the stream start
     * @param topClasses most classes per node, at least 1
     * @param preNmsThreshold a class is kept only when its probability is above this
     * @return the candidates, most probable first (ties: lower class first); empty when the clipped segment is empty
     */
    public static List<WindowedMomentNms.Candidate> decode(final MqResult m, final double streamEndSeconds,
            final int topClasses, final double preNmsThreshold) {
        final float[] logits = m.classLogits();
        final Integer[] order = new Integer[logits.length];
        for (int c = 0; c < logits.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : a - b);
        final double start = Math.max(0.0, Math.min(streamEndSeconds, m.pos() - m.left() * m.extent()));
        final double end = Math.max(0.0, Math.min(streamEndSeconds, m.pos() + m.right() * m.extent()));
        final List<WindowedMomentNms.Candidate> out = new ArrayList<>();
        if (!(end > start)) {
            return out;
        }
        for (int r = 0; r < Math.min(topClasses, order.length); r++) {
            final int c = order[r];
            final double p = 1.0 / (1.0 + Math.exp(-logits[c]));
            if (!(p > preNmsThreshold)) {
                break;
            }
            out.add(new WindowedMomentNms.Candidate(start, end, p, c));
        }
        return out;
    }
}
