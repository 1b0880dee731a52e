package io.egostream.model.incremental;

import io.egostream.model.nn.HierEgoPackConfig;

/**
 * A {@link StepKernels} decorator that counts the floating-point operations of every call (two per
 * multiply-add of each matrix product, plus the TDGC neighbour products; element-wise activations and
 * LayerNorm are not counted) and the rows processed, for benchmarks: achieved GFLOP/s = {@link #flops()} /
 * time.
 */
public final class CountingKernels implements StepKernels {

    private final StepKernels inner;
    private final HierEgoPackConfig config;
    private final int slots;
    private long flops;
    private long calls;

    /**
     * @param inner the kernels that do the work
     * @param config the model configuration (sizes)
     * @param slots TDGC neighbour slots {@code 2K}
     */
    public CountingKernels(final StepKernels inner, final HierEgoPackConfig config, final int slots) {
        this.inner = inner;
        this.config = config;
        this.slots = slots;
    }

    /** @return operations counted so far */
    public long flops() {
        return flops;
    }

    /** @return kernel calls so far */
    public long calls() {
        return calls;
    }

    /** Resets the counters. */
    public void reset() {
        flops = 0;
        calls = 0;
    }

    private void add(final long rows, final long perRow) {
        flops += rows * perRow;
        calls++;
    }

    private long classifierFlops(final long in, final long hidden, final long classes) {
        return 2 * (in * hidden + hidden * hidden + hidden * classes);
    }

    private long projectionFlops() {
        final long h = config.hidden();
        final long f = config.featureSize();
        return 2 * (h * f + f * f);
    }

    @Override
    public float[] inputProjection(final float[] frames, final int rows) {
        add(rows, 2L * config.inputDim() * config.hidden());
        return inner.inputProjection(frames, rows);
    }

    @Override
    public float[] levelEntry(final int level, final float[] x, final int rows) {
        final long h = config.hidden();
        add(rows, 2 * h * 2 * h);
        return inner.levelEntry(level, x, rows);
    }

    @Override
    public float[] firstTdgc(final int level, final float[] neighbourHx, final float[] coefGate, final float[] root,
            final int rows) {
        final long h = config.hidden();
        add(rows, 2 * h * 2 * h + 2L * slots * h);
        return inner.firstTdgc(level, neighbourHx, coefGate, root, rows);
    }

    @Override
    public float[] secondTdgc(final int level, final float[] neighbourHx, final float[] coefGate, final float[] root,
            final float[] x, final int rows) {
        add(rows, 2L * slots * config.hidden());
        return inner.secondTdgc(level, neighbourHx, coefGate, root, x, rows);
    }

    @Override
    public float[] gates(final int level, final int tdgc, final float[] distances) {
        add(distances.length, 2L * config.gateHidden() * (1 + config.hidden()));
        return inner.gates(level, tdgc, distances);
    }

    @Override
    public float[] project(final HeadKind head, final float[] x, final int rows) {
        add(rows, projectionFlops());
        return inner.project(head, x, rows);
    }

    @Override
    public float[] classify(final HeadKind head, final String classifier, final float[] x, final int rows) {
        final int in = x.length / rows;
        final float[] out = inner.classify(head, classifier, x, rows);
        final long hidden = switch (head) {
            case AR -> config.arClassifierHidden();
            case OSCC -> config.osccClassifierHidden();
            case LTA -> config.ltaClassifierHidden();
            default -> config.mqClassifierHidden();
        };
        add(rows, classifierFlops(in, hidden, out.length / rows));
        return out;
    }

    @Override
    public float[] pnr(final float[] x, final float[] index, final int rows) {
        add(rows, projectionFlops() + 2L * config.featureSize());
        return inner.pnr(x, index, rows);
    }

    @Override
    public float[][] lta(final float[] pooled, final int windows) {
        final long f = config.featureSize();
        final long k = config.ltaSteps();
        final float[][] out = inner.lta(pooled, windows);
        final long verbs = out[0].length / (windows * k);
        final long nouns = out[1].length / (windows * k);
        add((long) windows * k, 2 * (2 * f * 2 * f) + classifierFlops(f, config.ltaClassifierHidden(), verbs)
                + classifierFlops(f, config.ltaClassifierHidden(), nouns));
        return out;
    }

    @Override
    public float[][] mqNode(final float[] x, final int[] levels, final int rows) {
        final long f = config.featureSize();
        add(rows, projectionFlops() + 2 * (f * f + 2 * f));
        return inner.mqNode(x, levels, rows);
    }

    @Override
    public float[] mqClassify(final float[] f, final float[] context, final int rows) {
        add(rows, classifierFlops(2L * config.featureSize(), config.mqClassifierHidden(), config.mqClasses()));
        return inner.mqClassify(f, context, rows);
    }

    @Override
    public void close() {
        inner.close();
    }
}
