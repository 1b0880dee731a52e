package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MQ decoding before NMS, as the reference evaluation ({@code EvalMeter._inference}) does it for one clip:
 * for each level in ascending extent, {@code p = sigmoid(cls)} flattened node-major (flat index
 * {@code node * C + class}); keep {@code p > threshold}; sort by p descending; keep the first top-k; the
 * segment is {@code (pos - left * extent, pos + right * extent)} seconds (float32 arithmetic); keep it if
 * {@code end - start > min duration}; concatenate the levels. Ties in p are kept in flat-index order (the
 * reference's sort is unstable there).
 */
public final class MqDecoder {

    private MqDecoder() {
    }

    /**
     * @param output the MQ output of a backbone output
     * @param backbone that backbone output
     * @param clip the clip to decode
     * @param settings the thresholds
     * @return the clip's candidates
     */
    public static MqCandidates decode(final MqOutput output, final BackboneOutput backbone, final int clip,
            final MqDecodeSettings settings) {
        final NDArray probs = Activation.sigmoid(output.clsLogits());
        final float[] p = probs.toFloatArray();
        final float[] reg = output.regPreds().toFloatArray();
        final int classes = (int) output.clsLogits().getShape().get(1);
        final float[] pos = backbone.graphsPos();
        final long[] video = backbone.graphsVideo();
        final float[] extent = backbone.graphsExtent();
        final List<float[]> rows = new ArrayList<>();
        int offset = 0;
        for (final BackboneLevel level : backbone.levels()) {
            final int n = level.nodes().size();
            final List<Integer> nodes = new ArrayList<>();
            for (int i = offset; i < offset + n; i++) {
                if (video[i] == clip) {
                    nodes.add(i);
                }
            }
            final List<long[]> kept = new ArrayList<>();
            for (int k = 0; k < nodes.size(); k++) {
                for (int c = 0; c < classes; c++) {
                    final float score = p[nodes.get(k) * classes + c];
                    if (score > settings.scoreThreshold()) {
                        kept.add(new long[] {Float.floatToIntBits(score), (long) k * classes + c});
                    }
                }
            }
            kept.sort((a, b) -> {
                final int byScore = Float.compare(Float.intBitsToFloat((int) b[0]), Float.intBitsToFloat((int) a[0]));
                return byScore != 0 ? byScore : Long.compare(a[1], b[1]);
            });
            for (int r = 0; r < Math.min(settings.topK(), kept.size()); r++) {
                final long flat = kept.get(r)[1];
                final int node = nodes.get((int) (flat / classes));
                final int c = (int) (flat % classes);
                final float left = pos[node] - reg[2 * node] * extent[node];
                final float right = pos[node] + reg[2 * node + 1] * extent[node];
                if (right - left > settings.minDurationSeconds()) {
                    rows.add(new float[] {left, right, Float.intBitsToFloat((int) kept.get(r)[0]), c});
                }
            }
            offset += n;
        }
        final float[] s = new float[rows.size()];
        final float[] e = new float[rows.size()];
        final float[] sc = new float[rows.size()];
        final long[] l = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            s[i] = rows.get(i)[0];
            e[i] = rows.get(i)[1];
            sc[i] = rows.get(i)[2];
            l[i] = (long) rows.get(i)[3];
        }
        return new MqCandidates(Arrays.copyOf(s, s.length), e, sc, l);
    }
}
