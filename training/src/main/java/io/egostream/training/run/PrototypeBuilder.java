package io.egostream.training.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.BackboneLevel;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.Projection;
import io.egostream.model.nn.SegmentAlign;
import io.egostream.model.nn.WeightModule;
import io.egostream.training.task.TaskBatch;
import io.egostream.training.task.TaskObjective;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * EgoPack's frozen prototypes ({@code build_prototypes}, model.md section 4): the AR training clips go
 * through the backbone's level 0; for each support task its projection of the level-0 nodes is averaged
 * over each action segment (AR alignment), summed per (verb, noun) pair and divided by the pair's count.
 * Only pairs seen at least once are kept, in ascending {@code verb * nouns + noun} order.
 */
final class PrototypeBuilder {

    /** Clips per forward pass, as the reference. */
    static final int BATCH = 8;

    private PrototypeBuilder() {
    }

    /**
     * The prototypes of each support task.
     *
     * @param weights a model with the support heads
     * @param ar the AR objective of the training split
     * @param support the support tasks
     * @param root a manager for temporaries
     * @return per task the prototypes {@code [P, F]} row-major (same P and order for all tasks)
     */
    static Map<Task, float[]> build(final HierEgoPackWeights weights, final TaskObjective ar, final List<Task> support,
            final NDManager root) {
        final int nouns = weights.config().numNouns();
        final int f = weights.config().featureSize();
        final int pairs = weights.config().numVerbs() * nouns;
        final Map<Task, Map<Integer, double[]>> sums = new EnumMap<>(Task.class);
        support.forEach(t -> sums.put(t, new java.util.HashMap<>()));
        final int[] count = new int[pairs];
        final HierEgoPackForward forward = new HierEgoPackForward(weights);
        for (int start = 0; start < ar.size(); start += BATCH) {
            final int[] idx = new int[Math.min(BATCH, ar.size() - start)];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = start + i;
            }
            try (NDManager m = root.newSubManager()) {
                final TaskBatch batch = ar.batch(idx, null, null, m);
                final BackboneOutput b = forward.backbone(batch.input(), 1);
                final BackboneLevel l0 = b.level0();
                final int segments = batch.segments().size();
                final long[] verbs = java.util.Arrays.copyOfRange(batch.labels(), 0, segments);
                final long[] nounLabels = java.util.Arrays.copyOfRange(batch.labels(), segments, 2 * segments);
                for (int s = 0; s < segments; s++) {
                    if (verbs[s] >= 0 && nounLabels[s] >= 0) {
                        count[(int) (verbs[s] * nouns + nounLabels[s])]++;
                    }
                }
                for (final Task t : support) {
                    final NDArray projected = new Projection(weights, WeightModule.headOf(t)).forward(l0.x());
                    final float[] aligned = SegmentAlign.align(projected, l0.nodes(), batch.segments(), true, "AR")
                            .toFloatArray();
                    for (int s = 0; s < segments; s++) {
                        if (verbs[s] < 0 || nounLabels[s] < 0) {
                            continue;
                        }
                        final double[] sum = sums.get(t).computeIfAbsent((int) (verbs[s] * nouns + nounLabels[s]),
                                k -> new double[f]);
                        for (int k = 0; k < f; k++) {
                            sum[k] += aligned[s * f + k];
                        }
                    }
                }
            }
        }
        int seen = 0;
        for (final int c : count) {
            seen += c > 0 ? 1 : 0;
        }
        if (seen == 0) {
            throw new IllegalArgumentException("the AR training split has no labelled action to build prototypes from");
        }
        final Map<Task, float[]> out = new EnumMap<>(Task.class);
        for (final Task t : support) {
            final float[] p = new float[seen * f];
            int row = 0;
            for (int pair = 0; pair < pairs; pair++) {
                if (count[pair] == 0) {
                    continue;
                }
                final double[] sum = sums.get(t).get(pair);
                for (int k = 0; k < f; k++) {
                    p[row * f + k] = (float) (sum[k] / count[pair]);
                }
                row++;
            }
            out.put(t, p);
        }
        return out;
    }
}
