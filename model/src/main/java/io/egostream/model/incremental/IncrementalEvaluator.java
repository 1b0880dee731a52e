package io.egostream.model.incremental;

import io.egostream.model.domain.EventStatus;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.schedule.Frontier;
import io.egostream.model.schedule.LevelFrontier;
import io.egostream.model.schedule.MqContextWindow;
import io.egostream.model.schedule.NodeTiming;
import io.egostream.model.schedule.NodeWindow;
import io.egostream.model.schedule.ReceptiveField;
import io.egostream.model.schedule.WindowPlan;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exact incremental evaluation of the Hier-EgoPack backbone and task heads on live camera streams
 * (streaming.md). Each camera has a {@link StreamState}; {@link #step} takes new frames of many cameras at
 * once and returns, per camera, the outputs that became final: backbone nodes (optional), windowed head
 * outputs (AR, OSCC, PNR, LTA over sliding windows of level-0 nodes) and MQ outputs of every node of every
 * level (with the {@code trailing:W} context mean). Final values equal the offline forward of the whole
 * stream ({@code HierEgoPackForward} with {@code MqContext.trailing(W)}) to float32 rounding.
 *
 * <p>How: every temporal operator is local. A level's first TDGC node {@code i} reads inputs
 * {@code i-K..i+K}, its output reads those first-TDGC nodes, and the pooled node {@code j} of the next level
 * reads outputs {@code 2j-1..2j+1}; {@link Frontier} says which are final after each frame. Per level the
 * state keeps rings of the inputs, of each node's two TDGC linear maps ({@code hx = LeakyReLU(W_rel x + b)},
 * {@code root = W_root x}, computed once per node) and of the outputs. A batch runs level by level: one
 * fused kernel call per stage (entry maps, first TDGC, second TDGC + LayerNorm + residual) for all rows of
 * all cameras of the batch, then the pooling, so a frame costs amortised O(depth) node updates and the
 * GEMMs have one row per (camera, node). The gates are looked up by exact distance ({@link GateTable}).
 *
 * <p>Provisional values ({@link #provisional}) close a copy of the state: the same operators with the
 * neighbours that exist, i.e. the offline forward of the stream so far; the real state is not touched.
 * {@link #rebuild} replays the last {@link #receptiveFieldFrames()} frames into a fresh state that then
 * emits exactly what the original would have emitted.
 *
 * <p>Not thread-safe: one thread steps one evaluator (a stream task). The EgoPack fusion is not run: the
 * model's heads are the single-task heads.
 */
public final class IncrementalEvaluator implements AutoCloseable {

    private static final HeadKind[] WINDOW_HEADS = {HeadKind.AR, HeadKind.OSCC, HeadKind.PNR, HeadKind.LTA};

    private final HierEgoPackConfig config;
    private final StepKernels kernels;
    private final StreamingSettings settings;
    private final NodeTiming timing;
    private final int depth;
    private final int hidden;
    private final int featureSize;
    private final int offsets;
    private final int slots;
    private final int[] slotOffset;
    private final int capacity;
    private final List<HeadKind> windowHeads;
    private final boolean mq;
    private final MqContextWindow mqWindow;
    private final GateTable gates;
    private final ReceptiveField receptiveField;
    private long receptiveFieldFrames = -1;

    /**
     * @param config the model configuration (its heads are run; EgoPack is not supported)
     * @param kernels the numeric steps, on the engine of choice (closed by {@link #close()})
     * @param settings windows, MQ context and options
     */
    public IncrementalEvaluator(final HierEgoPackConfig config, final StepKernels kernels,
            final StreamingSettings settings) {
        if (config.hasEgoPack()) {
            throw new IllegalArgumentException("the incremental evaluator runs the single-task heads; a model with "
                    + "the EgoPack module (egopack) is not supported yet: load it with withHeads(heads, null)");
        }
        this.config = config;
        this.kernels = kernels;
        this.settings = settings;
        this.timing = settings.timing();
        this.depth = config.depth();
        this.hidden = config.hidden();
        this.featureSize = config.featureSize();
        this.offsets = timing.neighbourOffsets(config.edgeRadius());
        this.slots = 2 * offsets;
        this.slotOffset = new int[slots];
        for (int s = 0; s < offsets; s++) {
            slotOffset[s] = s - offsets;
            slotOffset[offsets + s] = s + 1;
        }
        final int chunk = settings.chunkFrames();
        this.capacity = Integer.highestOneBit(3 * offsets + Math.max(chunk, 2 * offsets + 2) + 3) * 2;
        final List<HeadKind> heads = new ArrayList<>();
        for (final HeadKind h : WINDOW_HEADS) {
            if (config.hasHead(h.task())) {
                settings.window(h);
                heads.add(h);
            }
        }
        this.windowHeads = List.copyOf(heads);
        this.mq = config.hasHead(HeadKind.MQ.task());
        this.mqWindow = mq ? new MqContextWindow(timing, settings.mqContextSeconds()) : null;
        this.gates = new GateTable(kernels, depth);
        final List<WindowPlan> plans = new ArrayList<>();
        windowHeads.forEach(h -> plans.add(settings.window(h)));
        this.receptiveField = new ReceptiveField(depth, offsets, plans, mqWindow);
    }

    /** @return the model configuration */
    public HierEgoPackConfig config() {
        return config;
    }

    /** @return the settings */
    public StreamingSettings settings() {
        return settings;
    }

    /** @return TDGC neighbours per side {@code K} (3 in the reference) */
    public int neighbourOffsets() {
        return offsets;
    }

    /**
     * The number of most recent frames from which {@link #rebuild} restores a camera exactly (the receptive
     * field of everything not yet final, including head windows and the MQ context window).
     *
     * @return frames
     */
    public long receptiveFieldFrames() {
        if (receptiveFieldFrames < 0) {
            receptiveFieldFrames = receptiveField.frames();
        }
        return receptiveFieldFrames;
    }

    /**
     * @param camera camera id
     * @return the state of a camera that has sent nothing yet
     */
    public StreamState open(final String camera) {
        return newState(camera, 0);
    }

    private StreamState newState(final String camera, final long start) {
        if (camera == null || camera.isEmpty()) {
            throw new IllegalArgumentException("camera id must be a non-empty string");
        }
        final LevelRings[] levels = new LevelRings[depth];
        for (int l = 0; l < depth; l++) {
            levels[l] = new LevelRings(hidden, capacity);
        }
        final Map<HeadKind, Ring> rings = new EnumMap<>(HeadKind.class);
        for (final HeadKind h : windowHeads) {
            final WindowPlan p = settings.window(h);
            final int need = p.length() + p.hop() + settings.chunkFrames() + 2 * offsets + 1;
            rings.put(h, new Ring(h == HeadKind.PNR ? hidden : featureSize, Integer.highestOneBit(need) * 2));
        }
        MqState mqState = null;
        if (mq) {
            final long valid = Frontier.of(depth, offsets, start, start, false).firstValidSlot();
            long first = valid;
            while (mqWindow.low(first, first) < valid) {
                first++;
            }
            final long low = mqWindow.low(first, first);
            mqState = new MqState(featureSize, depth, first, low);
        }
        return new StreamState(camera, start, depth, offsets, levels, rings, mqState);
    }

    /**
     * Rebuilds a camera's state from its most recent frames (after a restore or a rebalance). With at least
     * {@link #receptiveFieldFrames()} frames (or every frame from the first), the rebuilt state emits from
     * now on exactly what the original state would have; what the original already emitted is not emitted
     * again.
     *
     * @param camera camera id
     * @param firstFrame index of the first frame given (0-based from the camera's first frame)
     * @param frames the frames {@code firstFrame, firstFrame + 1, ...}, each {@code [Din]}
     * @return the state after those frames
     * @throws IllegalArgumentException if fewer frames than the receptive field are given from a later start
     */
    public StreamState rebuild(final String camera, final long firstFrame, final List<float[]> frames) {
        if (firstFrame < 0) {
            throw new IllegalArgumentException("first frame index must be non-negative, got " + firstFrame);
        }
        if (firstFrame > 0 && frames.size() < receptiveFieldFrames()) {
            throw new IllegalArgumentException("rebuilding camera " + camera + " from frame " + firstFrame + " needs the "
                    + receptiveFieldFrames() + " most recent frames (the receptive field), got " + frames.size());
        }
        final StreamState st = newState(camera, firstFrame);
        step(List.of(CameraStep.push(st, frames)));
        return st;
    }

    /**
     * Steps many cameras at once. Frames are processed in passes of at most
     * {@link StreamingSettings#chunkFrames()} per camera; each pass runs one fused kernel call per stage and
     * level for all cameras.
     *
     * @param steps one entry per camera (a camera at most once)
     * @return per camera (same order) the final outputs that became available
     * @throws IllegalArgumentException for a closed camera, a repeated camera or a frame of the wrong size
     */
    public List<StepOutput> step(final List<CameraStep> steps) {
        final Set<StreamState> seen = new HashSet<>();
        for (final CameraStep s : steps) {
            if (!seen.add(s.state())) {
                throw new IllegalArgumentException("camera " + s.state().camera() + " appears twice in one step");
            }
            if (s.state().closed()) {
                throw new IllegalArgumentException("camera " + s.state().camera() + " is closed");
            }
            for (int i = 0; i < s.frames().size(); i++) {
                final float[] f = s.frames().get(i);
                if (f == null || f.length != config.inputDim()) {
                    throw new IllegalArgumentException("camera " + s.state().camera() + " frame "
                            + (s.state().frames() + i) + " has " + (f == null ? "no" : f.length)
                            + " values, the model expects " + config.inputDim());
                }
            }
        }
        final List<Work> all = new ArrayList<>();
        for (final CameraStep s : steps) {
            all.add(new Work(s.state(), List.of(), false));
        }
        final int chunk = settings.chunkFrames();
        int passes = 0;
        for (final CameraStep s : steps) {
            if (!s.frames().isEmpty() || s.close()) {
                passes = Math.max(passes, lastPass(s, chunk) + 1);
            }
        }
        for (int pass = 0; pass < passes; pass++) {
            final List<Work> works = new ArrayList<>();
            for (int c = 0; c < steps.size(); c++) {
                final CameraStep s = steps.get(c);
                final int from = Math.min(s.frames().size(), pass * chunk);
                final int to = Math.min(s.frames().size(), from + chunk);
                final Work w = new Work(s.state(), s.frames().subList(from, to), s.close() && pass == lastPass(s, chunk));
                w.sink = all.get(c);
                if (!w.frames.isEmpty() || w.close) {
                    works.add(w);
                }
            }
            advance(works);
        }
        final List<StepOutput> out = new ArrayList<>();
        for (final Work w : all) {
            out.add(w.output(EventStatus.FINAL));
        }
        return out;
    }

    private static int lastPass(final CameraStep s, final int chunk) {
        return s.frames().isEmpty() ? 0 : (s.frames().size() - 1) / chunk;
    }

    /**
     * Ends cameras: their tails are computed with the end-of-stream rules and every remaining output becomes
     * final. The states stay closed (free them).
     *
     * @param states the cameras
     * @return their last outputs
     */
    public List<StepOutput> close(final List<StreamState> states) {
        final List<CameraStep> steps = new ArrayList<>();
        states.forEach(s -> steps.add(CameraStep.close(s)));
        return step(steps);
    }

    /**
     * Provisional outputs of open cameras: every output not yet final, computed as if each stream ended now
     * (on a copy of the state; the cameras' states do not change).
     *
     * @param states open cameras
     * @return per camera its provisional outputs
     */
    public List<StepOutput> provisional(final List<StreamState> states) {
        final List<Work> works = new ArrayList<>();
        for (final StreamState s : states) {
            if (s.closed()) {
                throw new IllegalArgumentException("camera " + s.camera() + " is closed: its outputs are all final");
            }
            final Work w = new Work(s.copy(), List.of(), true);
            w.sink = w;
            works.add(w);
        }
        advance(works);
        final List<StepOutput> out = new ArrayList<>();
        for (final Work w : works) {
            out.add(w.output(EventStatus.PROVISIONAL));
        }
        return out;
    }

    /**
     * @param state a camera
     * @return bytes of its caches (rings and MQ slots)
     */
    public long stateBytes(final StreamState state) {
        long b = 0;
        for (final LevelRings r : state.levels) {
            b += r.bytes();
        }
        for (final Ring r : state.headRings.values()) {
            b += r.bytes();
        }
        return b + (state.mq == null ? 0 : state.mq.bytes());
    }

    @Override
    public void close() {
        kernels.close();
    }

    // ---------------------------------------------------------------------------------------------------

    /** One camera in one pass. */
    private static final class Work {
        final StreamState st;
        final List<float[]> frames;
        final boolean close;
        Frontier before;
        Frontier after;
        Work sink;
        final List<NodeValue> nodes = new ArrayList<>();
        final List<WindowResult> windows = new ArrayList<>();
        final List<MqResult> moments = new ArrayList<>();

        Work(final StreamState st, final List<float[]> frames, final boolean close) {
            this.st = st;
            this.frames = frames;
            this.close = close;
        }

        StepOutput output(final EventStatus status) {
            return new StepOutput(st.camera(), status, nodes, windows, moments);
        }
    }

    private void advance(final List<Work> works) {
        for (final Work w : works) {
            w.before = w.st.frontier();
            w.st.frames += w.frames.size();
            if (w.close) {
                w.st.closed = true;
            }
            w.after = w.st.frontier();
        }
        inputStage(works);
        for (int l = 0; l < depth; l++) {
            entryStage(works, l);
            tdgcStage(works, l, true);
            tdgcStage(works, l, false);
            if (l + 1 < depth) {
                poolStage(works, l);
            }
        }
        if (settings.emitNodes()) {
            for (final Work w : works) {
                for (int l = 0; l < depth; l++) {
                    final Ring out = w.st.levels[l].out;
                    for (long i = w.before.level(l).outHi(); i < w.after.level(l).outHi(); i++) {
                        final float[] x = new float[hidden];
                        out.read(i, 0, hidden, x, 0);
                        w.sink.nodes.add(new NodeValue(l, i, timing.pos(l, i), x));
                    }
                }
            }
        }
        if (!windowHeads.isEmpty()) {
            windowStage(works);
        }
        if (mq) {
            mqStage(works);
        }
    }

    private void inputStage(final List<Work> works) {
        int rows = 0;
        for (final Work w : works) {
            rows += w.frames.size();
        }
        if (rows == 0) {
            return;
        }
        final int din = config.inputDim();
        final float[] in = new float[rows * din];
        int r = 0;
        for (final Work w : works) {
            for (final float[] f : w.frames) {
                System.arraycopy(f, 0, in, r++ * din, din);
            }
        }
        final float[] x = kernels.inputProjection(in, rows);
        r = 0;
        for (final Work w : works) {
            final long first = w.before.level(0).inHi();
            for (int i = 0; i < w.frames.size(); i++) {
                w.st.levels[0].x.put(first + i, x, r++ * hidden);
            }
        }
    }

    private void entryStage(final List<Work> works, final int l) {
        int rows = 0;
        for (final Work w : works) {
            rows += (int) (w.after.level(l).inHi() - w.before.level(l).inHi());
        }
        if (rows == 0) {
            return;
        }
        final float[] x = new float[rows * hidden];
        int r = 0;
        for (final Work w : works) {
            for (long i = w.before.level(l).inHi(); i < w.after.level(l).inHi(); i++) {
                w.st.levels[l].x.read(i, 0, hidden, x, r++ * hidden);
            }
        }
        final float[] y = kernels.levelEntry(l, x, rows);
        r = 0;
        for (final Work w : works) {
            for (long i = w.before.level(l).inHi(); i < w.after.level(l).inHi(); i++) {
                w.st.levels[l].entry.put(i, y, r++ * 2 * hidden);
            }
        }
    }

    /** Node count of level {@code l} once known (closed), else unbounded. */
    private static long levelCount(final Frontier f, final int l) {
        return f.closed() ? f.level(l).inHi() : Long.MAX_VALUE;
    }

    private void tdgcStage(final List<Work> works, final int l, final boolean first) {
        int rows = 0;
        for (final Work w : works) {
            rows += (int) (first ? w.after.level(l).uHi() - w.before.level(l).uHi()
                    : w.after.level(l).outHi() - w.before.level(l).outHi());
        }
        if (rows == 0) {
            return;
        }
        final int tdgc = first ? 0 : 1;
        final Set<Integer> distances = new HashSet<>();
        for (final Work w : works) {
            final LevelFrontier b = w.before.level(l);
            final LevelFrontier a = w.after.level(l);
            final long count = levelCount(w.after, l);
            for (long i = first ? b.uHi() : b.outHi(); i < (first ? a.uHi() : a.outHi()); i++) {
                final float pi = timing.pos(l, i);
                for (int s = 0; s < slots; s++) {
                    final long j = i + slotOffset[s];
                    if (j >= 0 && j < count) {
                        distances.add(Float.floatToIntBits(Math.abs(timing.pos(l, j) - pi)));
                    }
                }
            }
        }
        gates.ensure(l, tdgc, distances);
        final int h = hidden;
        final float[] hx = new float[rows * slots * h];
        final float[] cg = new float[rows * slots * h];
        final float[] root = new float[rows * h];
        final float[] x = first ? null : new float[rows * h];
        int r = 0;
        for (final Work w : works) {
            final LevelRings rings = w.st.levels[l];
            final Ring src = first ? rings.entry : rings.second;
            final LevelFrontier b = w.before.level(l);
            final LevelFrontier a = w.after.level(l);
            final long count = levelCount(w.after, l);
            for (long i = first ? b.uHi() : b.outHi(); i < (first ? a.uHi() : a.outHi()); i++) {
                int degree = 0;
                for (int s = 0; s < slots; s++) {
                    final long j = i + slotOffset[s];
                    if (j >= 0 && j < count) {
                        degree++;
                    }
                }
                final float pi = timing.pos(l, i);
                for (int s = 0; s < slots; s++) {
                    final long j = i + slotOffset[s];
                    if (j < 0 || j >= count) {
                        continue;
                    }
                    final float delta = timing.pos(l, j) - pi;
                    final float coef = Math.signum(delta) / degree;
                    final float[] g = gates.get(l, tdgc, Float.floatToIntBits(Math.abs(delta)));
                    final int base = (r * slots + s) * h;
                    src.read(j, 0, h, hx, base);
                    for (int k = 0; k < h; k++) {
                        cg[base + k] = coef * g[k];
                    }
                }
                src.read(i, h, h, root, r * h);
                if (!first) {
                    rings.x.read(i, 0, h, x, r * h);
                }
                r++;
            }
        }
        final float[] y = first ? kernels.firstTdgc(l, hx, cg, root, rows) : kernels.secondTdgc(l, hx, cg, root, x, rows);
        r = 0;
        for (final Work w : works) {
            final LevelRings rings = w.st.levels[l];
            final LevelFrontier b = w.before.level(l);
            final LevelFrontier a = w.after.level(l);
            for (long i = first ? b.uHi() : b.outHi(); i < (first ? a.uHi() : a.outHi()); i++) {
                if (first) {
                    rings.second.put(i, y, r++ * 2 * h);
                } else {
                    rings.out.put(i, y, r++ * h);
                }
            }
        }
    }

    /** Mean time pooling: {@code (x[2j-1] + 2 x[2j] + x[2j+1]) / c} over the outputs that exist. */
    private void poolStage(final List<Work> works, final int l) {
        final float[] row = new float[hidden];
        final float[] a = new float[hidden];
        for (final Work w : works) {
            final Ring out = w.st.levels[l].out;
            final long count = w.after.closed() ? w.after.level(l).outHi() : Long.MAX_VALUE;
            for (long j = w.before.level(l + 1).inHi(); j < w.after.level(l + 1).inHi(); j++) {
                final long c = 2 * j;
                final boolean prev = c - 1 >= 0;
                final boolean next = c + 1 < count;
                final float n = 2 + (prev ? 1 : 0) + (next ? 1 : 0);
                final float self = 2 / n;
                final float side = 1 / n;
                out.read(c, 0, hidden, a, 0);
                for (int k = 0; k < hidden; k++) {
                    row[k] = self * a[k];
                }
                if (prev) {
                    out.read(c - 1, 0, hidden, a, 0);
                    for (int k = 0; k < hidden; k++) {
                        row[k] += side * a[k];
                    }
                }
                if (next) {
                    out.read(c + 1, 0, hidden, a, 0);
                    for (int k = 0; k < hidden; k++) {
                        row[k] += side * a[k];
                    }
                }
                w.st.levels[l + 1].x.put(j, row, 0);
            }
        }
    }

    // ------------------------------------------------------------------------------- windowed heads

    private void windowStage(final List<Work> works) {
        int rows = 0;
        for (final Work w : works) {
            rows += (int) (w.after.level(0).outHi() - w.before.level(0).outHi());
        }
        if (rows > 0) {
            final float[] x = new float[rows * hidden];
            int r = 0;
            for (final Work w : works) {
                for (long i = w.before.level(0).outHi(); i < w.after.level(0).outHi(); i++) {
                    w.st.levels[0].out.read(i, 0, hidden, x, r++ * hidden);
                }
            }
            for (final HeadKind head : windowHeads) {
                final float[] f = head == HeadKind.PNR ? x : kernels.project(head, x, rows);
                final int width = head == HeadKind.PNR ? hidden : featureSize;
                r = 0;
                for (final Work w : works) {
                    final Ring ring = w.st.headRings.get(head);
                    for (long i = w.before.level(0).outHi(); i < w.after.level(0).outHi(); i++) {
                        ring.put(i, f, r++ * width);
                    }
                }
            }
        }
        for (final HeadKind head : windowHeads) {
            final WindowPlan plan = settings.window(head);
            final List<Work> owners = new ArrayList<>();
            final List<NodeWindow> wins = new ArrayList<>();
            for (final Work w : works) {
                final long lo = w.after.level(0).outLo();
                final List<NodeWindow> list = plan.regularEndingIn(w.before.level(0).outHi(), w.after.level(0).outHi());
                if (w.after.closed() && !w.before.closed()) {
                    final NodeWindow tail = plan.tail(w.after.level(0).outHi());
                    if (tail != null) {
                        list.add(tail);
                    }
                }
                for (final NodeWindow nw : list) {
                    if (nw.first() >= lo) {
                        owners.add(w);
                        wins.add(nw);
                    }
                }
            }
            if (!wins.isEmpty()) {
                runWindowHead(head, owners, wins);
            }
        }
    }

    private void runWindowHead(final HeadKind head, final List<Work> owners, final List<NodeWindow> wins) {
        final int n = wins.size();
        final float[][] out;
        if (head == HeadKind.PNR) {
            final int len = settings.window(head).length();
            final float[] x = new float[n * len * hidden];
            final float[] index = new float[n * len];
            for (int k = 0; k < n; k++) {
                final Ring ring = owners.get(k).st.headRings.get(head);
                final NodeWindow nw = wins.get(k);
                for (int i = 0; i < nw.size(); i++) {
                    ring.read(nw.first() + i, 0, hidden, x, (k * len + i) * hidden);
                    index[k * len + i] = i;
                }
            }
            final float[] logits = kernels.pnr(x, index, n * len);
            out = new float[n][];
            for (int k = 0; k < n; k++) {
                out[k] = new float[len];
                System.arraycopy(logits, k * len, out[k], 0, len);
            }
            emitWindows(head, owners, wins, out, null);
            return;
        }
        final int fs = featureSize;
        final float[] pooled = new float[n * fs];
        final float[] row = new float[fs];
        for (int k = 0; k < n; k++) {
            final Ring ring = owners.get(k).st.headRings.get(head);
            final NodeWindow nw = wins.get(k);
            final int base = k * fs;
            if (head == HeadKind.LTA) {
                java.util.Arrays.fill(pooled, base, base + fs, Float.NEGATIVE_INFINITY);
            }
            final float wgt = 1f / nw.size();
            for (long i = nw.first(); i <= nw.last(); i++) {
                ring.read(i, 0, fs, row, 0);
                for (int c = 0; c < fs; c++) {
                    if (head == HeadKind.LTA) {
                        pooled[base + c] = Math.max(pooled[base + c], row[c]);
                    } else {
                        pooled[base + c] += wgt * row[c];
                    }
                }
            }
        }
        switch (head) {
            case AR -> {
                final float[] verb = kernels.classify(head, "verb_classifier", pooled, n);
                final float[] noun = kernels.classify(head, "noun_classifier", pooled, n);
                emitWindows(head, owners, wins, split(verb, n), split(noun, n));
            }
            case OSCC -> emitWindows(head, owners, wins, split(kernels.classify(head, "classifier", pooled, n), n), null);
            case LTA -> {
                final float[][] vn = kernels.lta(pooled, n);
                emitWindows(head, owners, wins, split(vn[0], n), split(vn[1], n));
            }
            default -> throw new IllegalStateException("not a windowed head: " + head);
        }
    }

    private static float[][] split(final float[] flat, final int n) {
        final int w = flat.length / n;
        final float[][] out = new float[n][w];
        for (int k = 0; k < n; k++) {
            System.arraycopy(flat, k * w, out[k], 0, w);
        }
        return out;
    }

    private void emitWindows(final HeadKind head, final List<Work> owners, final List<NodeWindow> wins,
            final float[][] first, final float[][] second) {
        for (int k = 0; k < wins.size(); k++) {
            final NodeWindow nw = wins.get(k);
            owners.get(k).sink.windows.add(new WindowResult(head, nw, timing.pos(nw.first()), timing.pos(nw.last()),
                    first[k], second == null ? null : second[k]));
        }
    }

    // ------------------------------------------------------------------------------------------ MQ

    private void mqStage(final List<Work> works) {
        int rows = 0;
        for (final Work w : works) {
            for (int l = 0; l < depth; l++) {
                rows += (int) (w.after.level(l).outHi() - w.before.level(l).outHi());
            }
        }
        if (rows > 0) {
            final float[] x = new float[rows * hidden];
            final int[] levels = new int[rows];
            int r = 0;
            for (final Work w : works) {
                for (int l = 0; l < depth; l++) {
                    for (long i = w.before.level(l).outHi(); i < w.after.level(l).outHi(); i++) {
                        w.st.levels[l].out.read(i, 0, hidden, x, r * hidden);
                        levels[r++] = l;
                    }
                }
            }
            final float[][] fr = kernels.mqNode(x, levels, rows);
            r = 0;
            for (final Work w : works) {
                final MqState m = w.st.mq;
                for (int l = 0; l < depth; l++) {
                    for (long i = w.before.level(l).outHi(); i < w.after.level(l).outHi(); i++, r++) {
                        final long slot = i << l;
                        if (slot < m.sumLo) {
                            continue;
                        }
                        final MqState.Slot s = m.writable(slot);
                        final float[] f = new float[featureSize];
                        System.arraycopy(fr[0], r * featureSize, f, 0, featureSize);
                        for (int c = 0; c < featureSize; c++) {
                            s.sum[c] += f[c];
                        }
                        s.f[l] = f;
                        s.reg[l] = new float[] {fr[1][2 * r], fr[1][2 * r + 1]};
                    }
                }
            }
        }
        final List<Work> owners = new ArrayList<>();
        final List<float[]> fs = new ArrayList<>();
        final List<float[]> ctxs = new ArrayList<>();
        final List<long[]> ids = new ArrayList<>();
        for (final Work w : works) {
            final MqState m = w.st.mq;
            final long target = w.after.closed() ? w.after.frames() : w.after.completeSlots();
            for (long k = m.next; k < target; k++) {
                final long low = mqWindow.low(k, m.lastLow);
                m.lastLow = low;
                while (m.sumHi <= k) {
                    final MqState.Slot s = m.get(m.sumHi);
                    if (s == null) {
                        throw new IllegalStateException("MQ slot " + m.sumHi + " of camera " + w.st.camera()
                                + " has no node");
                    }
                    for (int c = 0; c < featureSize; c++) {
                        m.running[c] += s.sum[c];
                    }
                    m.runningCount += MqContextWindow.nodesAt(m.sumHi, depth, Long.MAX_VALUE);
                    m.sumHi++;
                }
                while (m.sumLo < low) {
                    final MqState.Slot s = m.get(m.sumLo);
                    for (int c = 0; c < featureSize; c++) {
                        m.running[c] -= s.sum[c];
                    }
                    m.runningCount -= MqContextWindow.nodesAt(m.sumLo, depth, Long.MAX_VALUE);
                    m.remove(m.sumLo);
                    m.sumLo++;
                }
                final float[] ctx = new float[featureSize];
                final float inv = 1f / m.runningCount;
                for (int c = 0; c < featureSize; c++) {
                    ctx[c] = (float) m.running[c] * inv;
                }
                final MqState.Slot s = m.writable(k);
                for (int l = 0; l < depth && k % (1L << l) == 0; l++) {
                    owners.add(w);
                    fs.add(s.f[l]);
                    ctxs.add(ctx);
                    ids.add(new long[] {l, k >> l, Float.floatToRawIntBits(s.reg[l][0]),
                        Float.floatToRawIntBits(s.reg[l][1])});
                    s.f[l] = null;
                    s.reg[l] = null;
                }
            }
            m.next = Math.max(m.next, target);
        }
        if (owners.isEmpty()) {
            return;
        }
        final int n = owners.size();
        final float[] f = new float[n * featureSize];
        final float[] ctx = new float[n * featureSize];
        for (int k = 0; k < n; k++) {
            System.arraycopy(fs.get(k), 0, f, k * featureSize, featureSize);
            System.arraycopy(ctxs.get(k), 0, ctx, k * featureSize, featureSize);
        }
        final float[][] logits = split(kernels.mqClassify(f, ctx, n), n);
        for (int k = 0; k < n; k++) {
            final long[] id = ids.get(k);
            final int l = (int) id[0];
            owners.get(k).sink.moments.add(new MqResult(l, id[1], timing.pos(l, id[1]), (float) (1L << l), logits[k],
                    Float.intBitsToFloat((int) id[2]), Float.intBitsToFloat((int) id[3])));
        }
    }
}
