package io.egostream.stream.inference;

import io.egostream.config.EgoStreamConfig;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FrameRange;
import io.egostream.model.domain.FutureAction;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.ModelRef;
import io.egostream.model.domain.Task;
import io.egostream.model.incremental.CameraStep;
import io.egostream.model.incremental.HeadKind;
import io.egostream.model.incremental.IncrementalEvaluator;
import io.egostream.model.incremental.MqNodeCandidates;
import io.egostream.model.incremental.MqResult;
import io.egostream.model.incremental.NdStepKernels;
import io.egostream.model.incremental.StepOutput;
import io.egostream.model.incremental.StreamState;
import io.egostream.model.incremental.StreamingSettings;
import io.egostream.model.incremental.WindowResult;
import io.egostream.model.nms.WindowedMomentNms;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackModel;
import io.egostream.model.nn.Vocabularies;
import io.egostream.model.schedule.NodeWindow;
import io.egostream.model.schedule.ReceptiveField;
import io.egostream.model.schedule.WindowPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analyzer's inference by the exact incremental evaluator of the model module ({@link IncrementalEvaluator}):
 * per camera session a derived state (rings of the backbone levels and heads) in memory; each step pushes the new
 * frames of all cameras through one batched evaluator call, so a frame costs amortised O(depth) node updates,
 * whatever the stream's length.
 *
 * <ul>
 *   <li>Windowed heads (AR, OSCC, PNR, LTA; windows as {@link TaskWindows}): a window is emitted
 *       {@link EventStatus#PROVISIONAL} in the step where its last frame arrives (computed as if the stream ended
 *       there, on a copy of the state), and {@link EventStatus#FINAL} when every node it reads is final (6 frames
 *       later for the reference model): then it equals the offline forward of the whole stream on that window.
 *       A closed session's tail windows are final at once.</li>
 *   <li>MQ: every node of every level, once final (the {@code trailing:W} context mean, W =
 *       {@code window.mq-context-seconds}), is decoded into moment candidates: the {@code nms.classes-per-node} most
 *       probable classes above {@code nms.pre-nms-threshold}, segment {@code [pos - left * 2^l, pos + right * 2^l]}
 *       clipped to the stream. Candidates are returned as MQ results; the topology suppresses them with windowed
 *       NMS and emits each moment once. The nodes that are not final yet give {@link EventStatus#PROVISIONAL}
 *       candidates in every step (as if the stream ended now), which the topology turns into provisional
 *       moments at its hop.</li>
 * </ul>
 *
 * <p>After a restart or rebalance a session the evaluator does not know is rebuilt from the last
 * {@link IncrementalEvaluator#receptiveFieldFrames()} stored frames before its new frames; the rebuilt state
 * emits exactly what the lost one would have. Steps are serialised ({@code synchronized}): one evaluator serves
 * every stream thread.
 */
public final class IncrementalModelInference implements AnalyzerInference {


    private static final Map<HeadKind, Task> TASKS = Map.of(HeadKind.AR, Task.AR, HeadKind.OSCC, Task.OSCC,
            HeadKind.PNR, Task.PNR, HeadKind.LTA, Task.LTA);

    private final HierEgoPackModel model;
    private final ModelRef ref;
    private final IncrementalEvaluator evaluator;
    private final AutoCloseable resources;
    private final double stride;
    private final float preNmsThreshold;
    private final int classesPerNode;
    private final Map<CameraSession, StreamState> states = new HashMap<>();
    private final double momentLagSeconds;

    /**
     * An inference over a loaded model.
     *
     * @param model the model (closed with this object); an EgoPack module whose support tasks are all its heads is
     *     ignored (it feeds no head); {@link ModelLoader} refuses one that feeds a novel head
     * @param ref the id and version events carry
     * @param resources what else to close with this object (the engine's manager), or null
     * @param config the configuration: task windows, MQ context, pre-NMS threshold, frames retained
     * @throws IllegalArgumentException naming {@code window.frames-retained} when the frame store cannot hold the
     *     evaluator's receptive field
     */
    public IncrementalModelInference(final HierEgoPackModel model, final ModelRef ref, final AutoCloseable resources,
            final EgoStreamConfig config) {
        this.model = model;
        this.ref = ref;
        this.resources = resources;
        final TaskWindows windows = TaskWindows.from(config);
        final StreamingSettings settings = streamingSettings(config);
        final HierEgoPackConfig single = model.config().withHeads(model.config().heads(), null);
        this.evaluator = new IncrementalEvaluator(single, new NdStepKernels(model.weights()), settings);
        if (evaluator.receptiveFieldFrames() > config.window().framesRetained()) {
            evaluator.close();
            throw new IllegalArgumentException("window.frames-retained (" + config.window().framesRetained()
                    + ") must hold the model's receptive field, " + evaluator.receptiveFieldFrames()
                    + " frames, so a camera can be rebuilt after a restore");
        }
        this.stride = windows.timing().secondsPerFrame();
        this.momentLagSeconds = new ReceptiveField(single.depth(), evaluator.neighbourOffsets(), List.of(), null)
                .topLevelLookAhead() * stride;
        this.preNmsThreshold = (float) config.nms().preNmsThreshold();
        this.classesPerNode = config.nms().classesPerNode();
    }

    /**
     * The evaluator settings of a configuration: the task windows of {@link TaskWindows}, the MQ context
     * {@code window.mq-context-seconds}; the offline reference of a stream is computed with the same settings.
     *
     * @param config the configuration
     * @return the settings
     */
    public static StreamingSettings streamingSettings(final EgoStreamConfig config) {
        final TaskWindows windows = TaskWindows.from(config);
        final Map<HeadKind, WindowPlan> plans = new EnumMap<>(HeadKind.class);
        for (final Map.Entry<HeadKind, Task> e : TASKS.entrySet()) {
            plans.put(e.getKey(), windows.plan(e.getValue()));
        }
        return new StreamingSettings(windows.timing(), plans, config.window().mqContextSeconds(), false, 4);
    }

    @Override
    public ModelRef model() {
        return ref;
    }

    /**
     * The frames a rebuild needs.
     *
     * @return the evaluator's receptive field in frames
     */
    public long receptiveFieldFrames() {
        return evaluator.receptiveFieldFrames();
    }

    @Override
    public synchronized List<TaskResult> step(final List<CameraWork> work) {
        final List<CameraStep> steps = new ArrayList<>();
        final List<CameraWork> stepped = new ArrayList<>();
        for (final CameraWork w : work) {
            final StreamState state = stateOf(w);
            final List<float[]> frames = w.firstNew() <= w.last()
                    ? Arrays.asList(w.history().features(w.firstNew(), w.last())) : List.of();
            if (frames.isEmpty() && !w.closed()) {
                continue;
            }
            steps.add(new CameraStep(state, frames, w.closed()));
            stepped.add(w);
        }
        final List<TaskResult> results = new ArrayList<>();
        if (steps.isEmpty()) {
            return results;
        }
        try {
            final List<StepOutput> finals = evaluator.step(steps);
            final List<StreamState> open = new ArrayList<>();
            final List<CameraWork> openWork = new ArrayList<>();
            for (int i = 0; i < stepped.size(); i++) {
                final CameraWork w = stepped.get(i);
                results.addAll(convert(w, finals.get(i), EventStatus.FINAL));
                if (w.closed()) {
                    states.remove(w.session());
                } else if (w.firstNew() <= w.last()) {
                    open.add(steps.get(i).state());
                    openWork.add(w);
                }
            }
            if (!open.isEmpty()) {
                final List<StepOutput> provisional = evaluator.provisional(open);
                for (int i = 0; i < open.size(); i++) {
                    results.addAll(provisionalWindows(openWork.get(i), provisional.get(i)));
                    for (final MqResult m : provisional.get(i).moments()) {
                        results.addAll(moments(openWork.get(i).session(), m, openWork.get(i).last(),
                                EventStatus.PROVISIONAL));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new InferenceException("incremental model step failed for " + steps.size()
                    + " camera session(s): " + e.getMessage(), e);
        }
        return results;
    }

    private StreamState stateOf(final CameraWork w) {
        StreamState state = states.get(w.session());
        if (state == null) {
            if (w.firstNew() == 0) {
                state = evaluator.open(w.session().cameraId());
            } else {
                final long from = Math.max(0, w.firstNew() - evaluator.receptiveFieldFrames());
                state = evaluator.rebuild(w.session().cameraId(), from,
                        Arrays.asList(w.history().features(from, w.firstNew() - 1)));
            }
            states.put(w.session(), state);
        }
        return state;
    }

    /** Provisional windows: those whose last frame arrived in this step (regular windows, not tails). */
    private List<TaskResult> provisionalWindows(final CameraWork w, final StepOutput out) {
        final List<TaskResult> results = new ArrayList<>();
        for (final WindowResult r : out.windows()) {
            if (!r.window().tail() && r.window().last() >= w.firstNew() && r.window().last() <= w.last()) {
                results.add(window(w.session(), r, EventStatus.PROVISIONAL));
            }
        }
        return results;
    }

    private List<TaskResult> convert(final CameraWork w, final StepOutput out, final EventStatus status) {
        final List<TaskResult> results = new ArrayList<>();
        for (final WindowResult r : out.windows()) {
            results.add(window(w.session(), r, status));
        }
        final long lastFrame = w.last();
        for (final MqResult m : out.moments()) {
            results.addAll(moments(w.session(), m, lastFrame, status));
        }
        return results;
    }

    private TaskResult window(final CameraSession session, final WindowResult r, final EventStatus status) {
        final Vocabularies vocab = model.vocabularies();
        final NodeWindow nw = r.window();
        final Task task = TASKS.get(r.head());
        final List<LabelScore> labels = new ArrayList<>();
        final List<FutureAction> future = new ArrayList<>();
        long keyframe = -1;
        double keyframeScore = 0;
        switch (task) {
            case AR -> {
                labels.addAll(Scores.top(Scores.softmaxRow(r.logits(), 0, r.logits().length),
                        WindowedModelInference.TOP_K, "verb", vocab.verbs()));
                labels.addAll(Scores.top(Scores.softmaxRow(r.secondLogits(), 0, r.secondLogits().length),
                        WindowedModelInference.TOP_K, "noun", vocab.nouns()));
            }
            case OSCC -> {
                final double[] p = Scores.softmaxRow(r.logits(), 0, 2);
                final int id = p[1] >= p[0] ? 1 : 0;
                labels.add(new LabelScore("state_change", id == 1 ? "yes" : "no", id, Scores.clamp(p[id])));
            }
            case PNR -> {
                final double[] p = Scores.softmaxRow(r.logits(), 0, r.logits().length);
                int best = 0;
                for (int i = 1; i < p.length; i++) {
                    best = p[i] > p[best] ? i : best;
                }
                keyframe = nw.first() + best;
                keyframeScore = Scores.clamp(p[best]);
            }
            case LTA -> {
                final int verbs = vocab.verbs().size();
                final int nouns = vocab.nouns().size();
                final int steps = r.logits().length / verbs;
                for (int k = 0; k < steps; k++) {
                    future.add(new FutureAction(k + 1,
                            Scores.top(Scores.softmaxRow(r.logits(), k, verbs), 1, "verb", vocab.verbs()).get(0),
                            Scores.top(Scores.softmaxRow(r.secondLogits(), k, nouns), 1, "noun", vocab.nouns())
                                    .get(0)));
                }
            }
            default -> throw new IllegalStateException("not a windowed head: " + r.head());
        }
        return new TaskResult(session, task, status, new FrameRange(nw.first(), nw.last()), nw.first() * stride,
                (nw.last() + 1) * stride, labels, future, keyframe, keyframeScore);
    }

    /** Moment candidates of one MQ node (final, or provisional: computed as if the stream ended now). */
    private List<TaskResult> moments(final CameraSession session, final MqResult m, final long lastFrame,
            final EventStatus status) {
        final List<TaskResult> out = new ArrayList<>();
        for (final WindowedMomentNms.Candidate c : MqNodeCandidates.decode(m, (lastFrame + 1) * stride,
                classesPerNode, preNmsThreshold)) {
            final long first = Math.min(lastFrame, (long) Math.floor(c.startSeconds() / stride + 1e-9));
            final long last = Math.max(first, Math.min(lastFrame, (long) Math.ceil(c.endSeconds() / stride - 1e-9)
                    - 1));
            out.add(new TaskResult(session, Task.MQ, status, new FrameRange(first, last), c.startSeconds(),
                    c.endSeconds(), List.of(new LabelScore("moment", model.vocabularies().mqClasses().get(c.classId()),
                            c.classId(), Scores.clamp(c.score()))), List.of(), -1, 0));
        }
        return out;
    }

    /** The top backbone level is final this long after its newest frame (the look-ahead doubles per level). */
    @Override
    public double momentLagSeconds() {
        return momentLagSeconds;
    }

    @Override
    public synchronized void release(final CameraSession session) {
        states.remove(session);
    }

    /**
     * Bytes of the in-memory caches of one session (for the state-size report).
     *
     * @param session a session the inference knows
     * @return bytes of its rings and MQ slots, or 0 for an unknown session
     */
    public synchronized long cacheBytes(final CameraSession session) {
        final StreamState s = states.get(session);
        return s == null ? 0 : evaluator.stateBytes(s);
    }

    @Override
    public void close() {
        evaluator.close();
        model.close();
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot free the model engine: " + e.getMessage(), e);
            }
        }
    }
}
