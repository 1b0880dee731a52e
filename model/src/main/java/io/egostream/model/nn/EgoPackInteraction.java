package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.graph.SlotPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * EgoPack's {@code interact} for one support task (reference-model.md section 4). Per stage:
 * <ol>
 *   <li>{@code dist = 1 - cos(A, P)} against the task's frozen prototypes {@code P [P, F]}; the {@code k}
 *       nearest prototypes of each row (ties by prototype index) send an edge to that row;</li>
 *   <li>the stage graph {@code [P; A]} runs {@code SAGE(F -> h)[module_1] -> LeakyReLU(0.2) -> SAGE(h -> h)
 *       [module_3] -> ... -> Linear(h -> F)[module_2c]}, {@code SAGE(x)_i = lin_l(mean_{j->i} x_j) +
 *       lin_r(x_i)}: prototype rows have no incoming edge, so they become {@code b_l + lin_r(p)} and the
 *       next SAGE layer averages those layer outputs, not the raw prototypes;</li>
 *   <li>the last {@code |A|} rows are the stage output (no residual).</li>
 * </ol>
 *
 * <p>Deliberate difference: a feature row that is all zeros (an AR segment covering no node) has no
 * cosine distance (NaN in the reference, whose top-k is then whatever the sort does with NaN). Here it
 * matches no prototype: it gets no edge, aggregates 0, and its match is reported as -1.
 *
 * @param weights the parameter store
 * @param task the support task
 */
public record EgoPackInteraction(HierEgoPackWeights weights, Task task) {

    /**
     * The result of one support task's interaction.
     *
     * @param output {@code [B, F]}
     * @param nearest the nearest prototype per row, per stage (-1 for an all-zero row)
     */
    public record Result(NDArray output, List<long[]> nearest) {
    }

    /**
     * @param features the aligned support features {@code [B, F]}
     * @return the interaction output and matches
     */
    public Result interact(final NDArray features) {
        final EgoPackConfig e = weights.config().egoPack();
        final NDArray prototypes = weights.get(WeightModule.EGOPACK, ParameterLayout.prototypesKey(task));
        NDArray a = features;
        final List<long[]> nearest = new ArrayList<>();
        for (int s = 0; s < e.stages(); s++) {
            final int[][] top = nearestPrototypes(a, prototypes, e.k());
            final long[] first = new long[top.length];
            for (int b = 0; b < top.length; b++) {
                first[b] = top[b].length == 0 ? -1 : top[b][0];
            }
            nearest.add(first);
            a = stage(a, prototypes, top, ParameterLayout.stagePrefix(task, s), e.convDepth());
        }
        return new Result(a, nearest);
    }

    private NDArray stage(final NDArray queries, final NDArray prototypes, final int[][] top, final String prefix,
            final int convDepth) {
        final SlotPlan plan = meanPlan(top);
        NDArray protoIn = prototypes;
        NDArray queryIn = queries;
        for (int i = 0; i < convDepth; i++) {
            final String sage = prefix + ".module_" + (1 + 2 * i);
            final NDArray linLW = weights.get(WeightModule.EGOPACK, sage + ".lin_l.weight");
            final NDArray linLB = weights.get(WeightModule.EGOPACK, sage + ".lin_l.bias");
            final NDArray linRW = weights.get(WeightModule.EGOPACK, sage + ".lin_r.weight");
            final NDArray agg = Ops.gatherSum(protoIn, plan, queries.getManager());
            NDArray queryOut = Ops.linear(agg, linLW, linLB).add(Ops.linear(queryIn, linRW, null));
            if (i < convDepth - 1) {
                final NDArray protoOut = Ops.attached(Ops.linear(protoIn, linRW, null), queries.getManager()).add(linLB);
                protoIn = Ops.leakyRelu(protoOut, 0.2f);
                queryOut = Ops.leakyRelu(queryOut, 0.2f);
            }
            queryIn = queryOut;
        }
        return Ops.linear(queryIn, weights, WeightModule.EGOPACK, prefix + ".module_" + (2 * convDepth));
    }

    /** Mean over each row's matched prototypes (no slot for a row without matches). */
    private static SlotPlan meanPlan(final int[][] top) {
        int slots = 0;
        for (final int[] t : top) {
            slots = Math.max(slots, t.length);
        }
        final int rows = top.length;
        final long[] index = new long[slots * rows];
        final float[] coef = new float[slots * rows];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < top[b].length; t++) {
                index[t * rows + b] = top[b][t];
                coef[t * rows + b] = 1f / top[b].length;
            }
        }
        return new SlotPlan(slots, rows, index, coef);
    }

    /**
     * @param a query features {@code [B, F]}
     * @param prototypes {@code [P, F]}
     * @param k matches per row
     * @return for each row its {@code min(k, P)} nearest prototypes by cosine distance, nearest first
     *     (empty for an all-zero row)
     */
    static int[][] nearestPrototypes(final NDArray a, final NDArray prototypes, final int k) {
        final NDManager m = a.getManager();
        try (NDManager scope = m.newSubManager()) {
            final NDArray q = a.stopGradient();
            q.attach(scope);
            final NDArray qNorm = q.norm(new int[] {1}, true);
            final NDArray pNorm = Ops.attached(prototypes.norm(new int[] {1}, true), scope);
            final NDArray pUnit = Ops.attached(prototypes.div(pNorm), scope);
            final NDArray cos = q.div(qNorm).matMul(Ops.attached(pUnit.transpose(), scope));
            final NDArray dist = cos.neg().add(1f);
            final float[] d = dist.toFloatArray();
            final float[] norms = qNorm.toFloatArray();
            final int rows = (int) q.getShape().get(0);
            final int p = (int) prototypes.getShape().get(0);
            final int keep = Math.min(k, p);
            final int[][] top = new int[rows][];
            for (int b = 0; b < rows; b++) {
                if (norms[b] == 0f) {
                    top[b] = new int[0];
                    continue;
                }
                top[b] = nearestOfRow(d, b * p, p, keep);
            }
            return top;
        }
    }

    /**
     * The {@code keep} smallest distances of one row, in (distance, index) order as a stable sort by
     * {@link Float#compare} would give, by a bounded insertion (O(P keep) instead of a full sort per row).
     *
     * @param d distances, row-major
     * @param offset start of the row
     * @param p prototypes
     * @param keep how many to keep, at most {@code p}
     * @return the kept prototype indices, nearest first
     */
    static int[] nearestOfRow(final float[] d, final int offset, final int p, final int keep) {
        final int[] idx = new int[keep];
        final float[] dist = new float[keep];
        int count = 0;
        for (int j = 0; j < p; j++) {
            final float v = d[offset + j];
            if (count == keep && Float.compare(v, dist[keep - 1]) >= 0) {
                continue;
            }
            int pos = count == keep ? keep - 1 : count;
            while (pos > 0 && Float.compare(v, dist[pos - 1]) < 0) {
                dist[pos] = dist[pos - 1];
                idx[pos] = idx[pos - 1];
                pos--;
            }
            dist[pos] = v;
            idx[pos] = j;
            if (count < keep) {
                count++;
            }
        }
        return idx;
    }
}
