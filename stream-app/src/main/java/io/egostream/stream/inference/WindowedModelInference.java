package io.egostream.stream.inference;

import ai.djl.ndarray.NDManager;
import io.egostream.config.EgoStreamConfig;
import io.egostream.config.NmsConfig;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.FutureAction;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.BackboneOutput;
import io.egostream.model.nn.HierEgoPackForward;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.MqCandidates;
import io.egostream.model.nn.MqContext;
import io.egostream.model.nn.MqDecodeSettings;
import io.egostream.model.nn.MqDecoder;
import io.egostream.model.nn.MqOutput;
import io.egostream.model.nn.Vocabularies;
import io.egostream.model.schedule.NodeWindow;
import io.egostream.model.schedule.WindowPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analyzer's inference by the offline forward over sliding windows: every task window (see
 * {@link TaskWindows}) that ends in a step's new frames, and a closed session's tail windows, is run as one clip
 * of the Hier-EgoPack offline forward on DJL. A step's windows go into as few model calls as
 * {@code model.batch-size} (clips per call) allows: one backbone call for the level-0 tasks (AR, OSCC, PNR, LTA
 * read level-0 nodes only, so one backbone level suffices; windows of the same frames, as AR's and OSCC's by
 * default, share one clip) and one for MQ (every level).
 *
 * <p>Each result equals the offline model on its window's frames taken as a clip, so it never changes: results
 * are {@link EventStatus#FINAL}. AR gives the top {@value #TOP_K} verbs and nouns of the window, OSCC the
 * state-change probability, PNR the most probable keyframe of the window, LTA the most probable verb and noun of
 * each future step, MQ the top {@value #TOP_MOMENTS} decoded moments of each window as candidates (the topology's
 * windowed NMS emits them). The model holds no per-camera state, so nothing needs rebuilding after a restore.
 */
public final class WindowedModelInference implements AnalyzerInference {

    /** Verbs and nouns per AR result. */
    public static final int TOP_K = 3;
    /** Moments per MQ window. */
    public static final int TOP_MOMENTS = 5;

    private final HierEgoPackModel model;
    private final ModelRef ref;
    private final NDManager manager;
    private final TaskWindows windows;
    private final int clipsPerCall;
    private final MqDecodeSettings mqDecode;

    /**
     * An inference over a loaded model.
     *
     * @param model the model (closed with this object)
     * @param ref the id and version events carry
     * @param manager the manager model calls allocate under (closed with this object)
     * @param config the configuration: task windows, {@code model.batch-size}, MQ decoding
     */
    public WindowedModelInference(final HierEgoPackModel model, final ModelRef ref, final NDManager manager,
            final EgoStreamConfig config) {
        this.model = model;
        this.ref = ref;
        this.manager = manager;
        this.windows = TaskWindows.from(config);
        this.clipsPerCall = config.model().batchSize();
        final NmsConfig nms = config.nms();
        this.mqDecode = new MqDecodeSettings((float) nms.preNmsThreshold(), nms.preNmsTopK(),
                (float) nms.minDurationSeconds());
    }

    @Override
    public ModelRef model() {
        return ref;
    }

    @Override
    public List<TaskResult> step(final List<CameraWork> work) {
        final Map<List<Object>, WindowJob> level0Jobs = new LinkedHashMap<>();
        final List<WindowJob> mq = new ArrayList<>();
        for (final CameraWork w : work) {
            for (final Map.Entry<Task, WindowPlan> plan : windows.plans().entrySet()) {
                final Task task = plan.getKey();
                if (!model.config().hasHead(task)) {
                    continue;
                }
                for (final NodeWindow window : due(plan.getValue(), w)) {
                    if (task == Task.MQ) {
                        mq.add(new WindowJob(w.session(), Set.of(task), window,
                                w.history().features(window.first(), window.last())));
                        continue;
                    }
                    final List<Object> key = List.of(w.session(), window.first(), window.last());
                    final WindowJob known = level0Jobs.get(key);
                    if (known == null) {
                        level0Jobs.put(key, new WindowJob(w.session(), EnumSet.of(task), window,
                                w.history().features(window.first(), window.last())));
                    } else {
                        known.tasks().add(task);
                    }
                }
            }
        }
        final List<WindowJob> level0 = new ArrayList<>(level0Jobs.values());
        final List<TaskResult> results = new ArrayList<>();
        try {
            for (int from = 0; from < level0.size(); from += clipsPerCall) {
                results.addAll(runLevel0(new ClipBatch(level0.subList(from, Math.min(level0.size(),
                        from + clipsPerCall)), windows.timing())));
            }
            for (int from = 0; from < mq.size(); from += clipsPerCall) {
                results.addAll(runMq(new ClipBatch(mq.subList(from, Math.min(mq.size(), from + clipsPerCall)),
                        windows.timing())));
            }
        } catch (RuntimeException e) {
            throw new InferenceException("model call failed for " + work.size() + " camera session(s) ("
                    + level0.size() + " level-0 windows, " + mq.size() + " MQ windows): " + e.getMessage(), e);
        }
        results.sort(Comparator.comparing((TaskResult r) -> indexOf(work, r.session()))
                .thenComparingLong(r -> r.frames().last()).thenComparing(TaskResult::task));
        return results;
    }

    private static int indexOf(final List<CameraWork> work, final CameraSession session) {
        for (int i = 0; i < work.size(); i++) {
            if (work.get(i).session().equals(session)) {
                return i;
            }
        }
        return work.size();
    }

    /** The windows of a plan that end in the new frames, then the tail when the session closed. */
    static List<NodeWindow> due(final WindowPlan plan, final CameraWork w) {
        final List<NodeWindow> out = new ArrayList<>(plan.regularEndingIn(w.firstNew(), w.last() + 1));
        if (w.closed()) {
            final NodeWindow tail = plan.tail(w.frames());
            if (tail != null) {
                out.add(tail);
            }
        }
        return out;
    }

    private List<TaskResult> runLevel0(final ClipBatch batch) {
        try (NDManager call = manager.newSubManager()) {
            final HierEgoPackForward forward = model.forward();
            final BackboneOutput b = forward.backbone(batch.input(call), 1);
            final List<TaskResult> out = new ArrayList<>();
            final List<Integer> ar = clipsOf(batch, Task.AR);
            final List<Integer> oscc = clipsOf(batch, Task.OSCC);
            if (!ar.isEmpty()) {
                final var o = forward.ar(b, batch.wholeClipSegments(ar));
                out.addAll(HeadResults.ar(batch, ar, o.verbLogits().toFloatArray(), o.nounLogits().toFloatArray(),
                        vocabularies(), windows.timing()));
            }
            if (!oscc.isEmpty()) {
                final var o = forward.oscc(b, batch.wholeClipSegments(oscc));
                out.addAll(HeadResults.oscc(batch, oscc, o.logits().toFloatArray(), windows.timing()));
            }
            final List<Integer> pnr = clipsOf(batch, Task.PNR);
            if (!pnr.isEmpty()) {
                out.addAll(HeadResults.pnr(batch, pnr, forward.pnr(b).toFloatArray(), windows.timing()));
            }
            final List<Integer> lta = clipsOf(batch, Task.LTA);
            if (!lta.isEmpty()) {
                final var o = forward.lta(b);
                out.addAll(HeadResults.lta(batch, lta, o.verbLogits().toFloatArray(), o.nounLogits().toFloatArray(),
                        model.config().ltaSteps(), vocabularies(), windows.timing()));
            }
            return out;
        }
    }

    private List<TaskResult> runMq(final ClipBatch batch) {
        try (NDManager call = manager.newSubManager()) {
            final HierEgoPackForward forward = model.forward();
            final BackboneOutput b = forward.backbone(batch.input(call));
            final MqOutput o = forward.mq(b, MqContext.clip());
            final List<TaskResult> out = new ArrayList<>();
            for (int c = 0; c < batch.jobs().size(); c++) {
                final MqCandidates candidates = MqDecoder.decode(o, b, c, mqDecode);
                out.addAll(HeadResults.mq(batch.jobs().get(c), candidates, TOP_MOMENTS, vocabularies(),
                        windows.timing()));
            }
            return out;
        }
    }

    private static List<Integer> clipsOf(final ClipBatch batch, final Task task) {
        final List<Integer> clips = new ArrayList<>();
        for (int c = 0; c < batch.jobs().size(); c++) {
            if (batch.jobs().get(c).tasks().contains(task)) {
                clips.add(c);
            }
        }
        return clips;
    }

    private Vocabularies vocabularies() {
        return model.vocabularies();
    }

    /** MQ windows are clips of their own: no later candidate reaches into an earlier window. */
    @Override
    public double momentLagSeconds() {
        return 0;
    }

    @Override
    public void release(final CameraSession session) {
        // No per-session state: every window is computed from the stored frames.
    }

    @Override
    public void close() {
        model.close();
        manager.close();
    }

    /** Builds a {@link TaskResult} covering a whole window. */
    static TaskResult windowResult(final WindowJob job, final Task task, final List<LabelScore> labels, final List<FutureAction> future,
            final long keyframe, final double keyframeScore, final double secondsPerFrame) {
        final NodeWindow w = job.window();
        return new TaskResult(job.session(), task, EventStatus.FINAL, new FrameRange(w.first(), w.last()),
                w.first() * secondsPerFrame, (w.last() + 1) * secondsPerFrame, labels, future, keyframe,
                keyframeScore);
    }
}
