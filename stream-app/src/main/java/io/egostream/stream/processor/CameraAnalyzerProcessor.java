package io.egostream.stream.processor;

import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.codec.RejectReason;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.CameraRecord;
import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.EventStatus;
import io.egostream.model.domain.FeatureFrame;
import io.egostream.model.domain.LabelScore;
import io.egostream.model.domain.Task;
import io.egostream.stream.inference.AnalyzerInference;
import io.egostream.stream.inference.CameraSession;
import io.egostream.stream.inference.CameraWork;
import io.egostream.stream.inference.TaskResult;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.serde.AnalyzerEventSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-camera analyzer of one stream task. For each valid record of a camera (key = camera id):
 *
 * <ol>
 *   <li><b>Order rules</b> (documented in the README): a frame repeating the last index is refused as
 *       {@code DUPLICATE_INDEX}; a lower index (other than 0) or an earlier capture time as {@code OUT_OF_ORDER};
 *       a frame of an older session as {@code OUT_OF_ORDER}. A newer session, or index 0 again (a restarted
 *       camera), closes the current session first. A gap of up to {@code window.frames-retained} missing indices
 *       is filled by repeating the previous frame (counted); a longer gap closes the session and starts a new
 *       segment at the new frame.</li>
 *   <li>The frame goes to the changelogged frame store (the last {@code window.frames-retained} frames are
 *       kept) and the camera's bookkeeping to the changelogged session store.</li>
 *   <li>Cameras with new frames wait for one batched inference step across all cameras of the task, run when
 *       {@code model.batch-size} new frames are waiting or the oldest has waited {@code model.batch-time-ms}
 *       (wall clock). The step's results become events on the task topics; the bookkeeping records what the
 *       inference has taken in the same transaction, so after a crash the work is redone from the stores.</li>
 *   <li>MQ results are moment candidates: final ones wait in the changelogged {@code moment-candidates} store and
 *       are emitted through windowed NMS ({@link MomentWindow}) once no later candidate can change them;
 *       provisional ones (not kept) give provisional moment events every {@code nms.provisional-hop-seconds}
 *       ({@link MomentEmission}).</li>
 *   <li>An end-of-stream marker, or {@code window.idle-timeout-ms} of stream time without a record, closes the
 *       session: its tail windows are computed, its pending moments flushed, then its frames, candidates and
 *       bookkeeping are deleted.</li>
 * </ol>
 */
public final class CameraAnalyzerProcessor implements Processor<String, Object, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(CameraAnalyzerProcessor.class);

    private final AnalyzerSettings settings;
    private final AnalyzerInference inference;
    private final AnalyzerMetrics metrics;
    private final DeadLetters deadLetters;
    private final Map<String, Long> pendingSinceMs = new LinkedHashMap<>();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CameraState> sessions;
    private FrameStore frames;
    private EventFactory events;
    private MomentStore moments;
    private KeyValueStore<String, String> latestEvents;
    private final MomentWindow momentWindow;
    /** Stream time (seconds in the segment) of each camera's last provisional moment emission (in memory). */
    private final Map<String, Double> provisionalMomentsAt = new LinkedHashMap<>();
    /** The provisional moments each camera's last hop emitted: an unchanged one is not emitted again. */
    private final Map<String, java.util.Set<MomentCandidate>> provisionalMomentsSent = new LinkedHashMap<>();
    private long pendingFrames;

    /**
     * @param settings sizes, timeouts, node names
     * @param inference the model port
     * @param metrics the meters
     */
    public CameraAnalyzerProcessor(final AnalyzerSettings settings, final AnalyzerInference inference,
            final AnalyzerMetrics metrics) {
        this.settings = settings;
        this.inference = inference;
        this.metrics = metrics;
        this.deadLetters = new DeadLetters(settings.dlqSinkName(), metrics);
        this.momentWindow = new MomentWindow(settings.momentNms());
    }

    @Override
    public void init(final ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
        this.sessions = processorContext.getStateStore(settings.sessionStoreName());
        final KeyValueStore<Bytes, byte[]> frameStore = processorContext.getStateStore(settings.frameStoreName());
        this.frames = new FrameStore(frameStore, settings.featureDim());
        this.events = new EventFactory(frames, inference.model(), settings.strideSeconds());
        this.moments = new MomentStore(processorContext.getStateStore(settings.momentStoreName()));
        this.latestEvents = processorContext.getStateStore(settings.latestEventsStoreName());
        try (KeyValueIterator<String, CameraState> all = sessions.all()) {
            while (all.hasNext()) {
                final KeyValue<String, CameraState> entry = all.next();
                metrics.activeCameras(1);
                if (entry.value.hasWork()) {
                    pendingSinceMs.put(entry.key, context.currentSystemTimeMs());
                    pendingFrames += entry.value.lastIndex() + 1 - entry.value.nextForInference();
                }
            }
        }
        final long tickMs = Math.max(5, settings.batchTimeMs() / 2);
        processorContext.schedule(Duration.ofMillis(tickMs), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
        processorContext.schedule(Duration.ofSeconds(1), PunctuationType.STREAM_TIME, this::closeIdleCameras);
    }

    @Override
    public void process(final Record<String, Object> record) {
        final CameraRecord value = (CameraRecord) record.value();
        if (value instanceof EndOfStream end) {
            onEndOfStream(record, end);
        } else {
            onFrame(record, (FeatureFrame) value);
        }
        if (pendingFrames >= settings.batchSize() || (settings.batchTimeMs() == 0 && !pendingSinceMs.isEmpty())) {
            flush();
        }
    }

    private void onEndOfStream(final Record<String, Object> record, final EndOfStream end) {
        final CameraState state = sessions.get(end.cameraId());
        if (state == null || state.closed() || end.sessionId() > state.sessionId()) {
            LOG.info("end-of-stream of camera '{}' session {} with no open session: nothing to close",
                    end.cameraId(), end.sessionId());
            return;
        }
        if (end.sessionId() < state.sessionId()) {
            deadLetters.send(context, record, RejectReason.OUT_OF_ORDER, "end-of-stream of camera '"
                    + end.cameraId() + "' is for session " + end.sessionId() + " but session "
                    + state.sessionId() + " is open", FeatureFrameCodec.encode(end));
            return;
        }
        close(end.cameraId(), state, "end_of_stream");
    }

    private void onFrame(final Record<String, Object> record, final FeatureFrame frame) {
        final String camera = frame.cameraId();
        CameraState state = sessions.get(camera);
        if (state != null && !state.closed()) {
            final String problem = orderProblem(state, frame);
            if (problem != null) {
                final RejectReason reason = frame.frameIndex() == state.lastIndex()
                        && frame.sessionId() == state.sessionId() ? RejectReason.DUPLICATE_INDEX
                        : RejectReason.OUT_OF_ORDER;
                deadLetters.send(context, record, reason, problem, FeatureFrameCodec.encode(frame));
                return;
            }
            if (frame.sessionId() > state.sessionId()) {
                close(camera, state, "new_session");
                flush();
                state = null;
            } else if (frame.frameIndex() == 0 && state.lastIndex() > 0) {
                close(camera, state, "restart");
                flush();
                state = null;
            } else if (frame.frameIndex() - state.lastIndex() - 1 > settings.framesRetained()) {
                close(camera, state, "gap");
                flush();
                state = null;
            }
        }
        if (state != null && state.closed()) {
            flush(); // finish the closed session before its camera starts anew
            state = null;
        }
        metrics.frameIn();
        if (state == null) {
            metrics.activeCameras(1);
            frames.put(frame);
            sessions.put(camera, CameraState.startingAt(frame.sessionId(), frame.frameIndex(),
                    frame.captureTimeMs()));
            markPending(camera, 1);
            return;
        }
        final long gap = frame.frameIndex() - state.lastIndex() - 1;
        if (gap > 0) {
            final FeatureFrame previous = frames.get(camera, state.lastIndex());
            for (long i = state.lastIndex() + 1; i < frame.frameIndex(); i++) {
                frames.put(new FeatureFrame(camera, frame.sessionId(), i, previous.captureTimeMs(),
                        previous.features()));
            }
            metrics.gapFilled(gap);
        }
        frames.put(frame);
        final long oldestKept = Math.max(state.firstRetained(), frame.frameIndex() - settings.framesRetained() + 1);
        if (oldestKept > state.firstRetained()) {
            frames.delete(camera, state.firstRetained(), oldestKept - 1);
        }
        sessions.put(camera, state.withFrame(frame.frameIndex(), frame.captureTimeMs(), oldestKept));
        markPending(camera, gap + 1);
    }

    /** Why a frame does not fit the open session, or null when it does (a new session or restart fits). */
    private static String orderProblem(final CameraState state, final FeatureFrame frame) {
        final String who = "frame " + frame.frameIndex() + " of camera '" + frame.cameraId() + "' session "
                + frame.sessionId();
        if (frame.sessionId() < state.sessionId()) {
            return who + " belongs to an older session than the open session " + state.sessionId();
        }
        if (frame.sessionId() > state.sessionId() || (frame.frameIndex() == 0 && state.lastIndex() > 0)) {
            return null;
        }
        if (frame.frameIndex() == state.lastIndex()) {
            return who + " repeats the last frame index " + state.lastIndex();
        }
        if (frame.frameIndex() < state.lastIndex()) {
            return who + " goes back from frame index " + state.lastIndex();
        }
        if (frame.captureTimeMs() < state.lastCaptureMs()) {
            return who + " has capture time " + frame.captureTimeMs() + " ms, before the previous frame's "
                    + state.lastCaptureMs() + " ms";
        }
        return null;
    }

    private void close(final String camera, final CameraState state, final String cause) {
        sessions.put(camera, state.closing());
        metrics.cameraClosed(cause);
        markPending(camera, 0);
    }

    private void markPending(final String camera, final long newFrames) {
        pendingSinceMs.putIfAbsent(camera, context.currentSystemTimeMs());
        pendingFrames += newFrames;
    }

    private void onWallClock(final long nowMs) {
        if (pendingSinceMs.isEmpty()) {
            return;
        }
        final long oldest = pendingSinceMs.values().stream().mapToLong(Long::longValue).min().orElse(nowMs);
        if (nowMs - oldest >= settings.batchTimeMs()) {
            flush();
        }
    }

    private void closeIdleCameras(final long streamTimeMs) {
        final List<KeyValue<String, CameraState>> idle = new ArrayList<>();
        try (KeyValueIterator<String, CameraState> all = sessions.all()) {
            while (all.hasNext()) {
                final KeyValue<String, CameraState> entry = all.next();
                if (!entry.value.closed() && streamTimeMs - entry.value.lastCaptureMs() > settings.idleTimeoutMs()) {
                    idle.add(entry);
                }
            }
        }
        for (final KeyValue<String, CameraState> entry : idle) {
            LOG.info("camera '{}' idle for more than {} ms of stream time: closing session {}", entry.key,
                    settings.idleTimeoutMs(), entry.value.sessionId());
            close(entry.key, entry.value, "idle");
        }
        if (!idle.isEmpty()) {
            flush();
        }
    }

    /**
     * One inference step over every camera with work: emits the windowed events, stores the moment candidates and
     * emits the moments that windowed NMS has settled, then updates or frees the cameras' state.
     */
    private void flush() {
        if (pendingSinceMs.isEmpty()) {
            return;
        }
        final List<CameraWork> work = new ArrayList<>();
        final Map<CameraSession, CameraState> states = new LinkedHashMap<>();
        for (final String camera : pendingSinceMs.keySet()) {
            final CameraState state = sessions.get(camera);
            if (state == null || !state.hasWork()) {
                continue;
            }
            final long base = state.baseIndex();
            final CameraSession session = new CameraSession(camera, state.sessionId());
            work.add(new CameraWork(session, state.nextForInference() - base, state.lastIndex() - base,
                    state.closed(), (first, last) -> frames.features(camera, base + first, base + last)));
            states.put(session, state);
        }
        final long frameCount = pendingFrames;
        pendingSinceMs.clear();
        pendingFrames = 0;
        if (work.isEmpty()) {
            return;
        }
        final long started = System.nanoTime();
        final List<TaskResult> results = inference.step(work);
        metrics.inferenceStep(frameCount, (System.nanoTime() - started) / 1e9);
        final long now = context.currentSystemTimeMs();
        final Map<CameraSession, Long> nextSeq = new LinkedHashMap<>();
        states.forEach((session, state) -> nextSeq.put(session, state.momentSeq()));
        final Map<CameraSession, List<MomentCandidate>> provisionalMoments = new LinkedHashMap<>();
        for (final TaskResult result : results) {
            final CameraState state = states.get(result.session());
            if (result.task() == Task.MQ && result.status() == EventStatus.PROVISIONAL) {
                provisionalMoments.computeIfAbsent(result.session(), s -> new ArrayList<>()).add(candidate(result));
            } else if (result.task() == Task.MQ) {
                final long seq = nextSeq.merge(result.session(), 1L, Long::sum) - 1;
                moments.put(result.session().cameraId(), seq, candidate(result));
            } else {
                emit(events.event(result, state, now));
            }
        }
        for (final Map.Entry<CameraSession, CameraState> entry : states.entrySet()) {
            final CameraSession session = entry.getKey();
            final String camera = session.cameraId();
            final CameraState state = entry.getValue();
            final double horizon = emitMoments(session, state, now);
            if (state.closed()) {
                frames.delete(camera, state.firstRetained(), state.lastIndex());
                sessions.delete(camera);
                inference.release(session);
                provisionalMomentsAt.remove(camera);
                provisionalMomentsSent.remove(camera);
                metrics.activeCameras(-1);
            } else {
                emitProvisionalMoments(session, state, horizon, provisionalMoments.getOrDefault(session, List.of()),
                        now);
                sessions.put(camera, state.inferred(nextSeq.get(session), horizon));
            }
        }
    }

    /**
     * Windowed NMS of one camera: the commit horizon is the newest frame's time minus the inference's moment lag
     * and {@code nms.window-seconds} (infinite for a closed session); the settled moments are emitted, candidates
     * that can no longer matter are deleted.
     *
     * @return the new horizon
     */
    private double emitMoments(final CameraSession session, final CameraState state, final long now) {
        final String camera = session.cameraId();
        final double newest = (state.lastIndex() - state.baseIndex() + 1) * settings.strideSeconds();
        final double horizon = state.closed() ? Double.POSITIVE_INFINITY
                : newest - inference.momentLagSeconds() - settings.nmsWindowSeconds();
        if (!(horizon > state.momentHorizonSeconds())) {
            return state.momentHorizonSeconds();
        }
        final List<KeyValue<Long, MomentCandidate>> pending = moments.all(camera);
        final List<MomentCandidate> candidates = new ArrayList<>();
        pending.forEach(kv -> candidates.add(kv.value));
        for (final MomentCandidate m : settings.momentEmission().finals(
                momentWindow.emit(candidates, state.momentHorizonSeconds(), horizon))) {
            emit(events.event(moment(session, m, EventStatus.FINAL), state, now));
        }
        final double keepAfter = horizon - settings.nmsWindowSeconds();
        for (final KeyValue<Long, MomentCandidate> kv : pending) {
            if (state.closed() || kv.value.endSeconds() < keepAfter) {
                moments.delete(camera, kv.key);
            }
        }
        return horizon;
    }

    /**
     * Provisional moments of an open camera, every {@code nms.provisional-hop-seconds} of its stream time: NMS over
     * its pending final candidates and the candidates of its provisional MQ nodes (as if the stream ended now);
     * the moments that end at or after the commit horizon (not settled yet) are emitted, provisional, the best
     * {@code nms.provisional-top-k} above {@code nms.emit-min-score}; one the camera's previous hop emitted
     * unchanged (same span, class and score) is not emitted again.
     */
    private void emitProvisionalMoments(final CameraSession session, final CameraState state, final double horizon,
            final List<MomentCandidate> provisional, final long now) {
        final String camera = session.cameraId();
        final double newest = (state.lastIndex() - state.baseIndex() + 1) * settings.strideSeconds();
        final Double last = provisionalMomentsAt.get(camera);
        if (provisional.isEmpty()
                || !settings.momentEmission().provisionalDue(last == null ? Double.NaN : last, newest)) {
            return;
        }
        provisionalMomentsAt.put(camera, newest);
        final List<MomentCandidate> all = new ArrayList<>(provisional);
        moments.all(camera).forEach(kv -> all.add(kv.value));
        final java.util.Set<MomentCandidate> before = provisionalMomentsSent.getOrDefault(camera, java.util.Set.of());
        final java.util.Set<MomentCandidate> sent = new java.util.HashSet<>();
        for (final MomentCandidate m : settings.momentEmission().provisionals(
                momentWindow.emit(all, horizon, Double.POSITIVE_INFINITY))) {
            sent.add(m);
            if (!before.contains(m)) {
                emit(events.event(moment(session, m, EventStatus.PROVISIONAL), state, now));
            }
        }
        provisionalMomentsSent.put(camera, sent);
    }

    private static MomentCandidate candidate(final TaskResult result) {
        final LabelScore top = result.labels().get(0);
        return new MomentCandidate(result.session().sessionId(), result.startSeconds(), result.endSeconds(),
                top.score(), top.id(), top.label(), result.frames());
    }

    private static TaskResult moment(final CameraSession session, final MomentCandidate m, final EventStatus status) {
        return new TaskResult(session, Task.MQ, status, m.frames(), m.startSeconds(), m.endSeconds(),
                List.of(new LabelScore("moment", m.label(), m.classId(), m.score())), List.of(), -1, 0);
    }

    private void emit(final AnalyzerEvent event) {
        final Task task = event.task();
        latestEvents.put(event.cameraId() + "\u0000" + task.name(), AnalyzerEventSerde.toJson(event));
        context.forward(new Record<String, Object>(event.cameraId(), event, event.time().endCaptureTimeMs()),
                settings.sinkName(task));
        metrics.eventOut(settings.topicName(task));
        metrics.eventLatency(task, event.status(),
                (context.currentSystemTimeMs() - event.time().endCaptureTimeMs()) / 1000.0);
    }

    @Override
    public void close() {
        // State lives in the stores; the in-memory pending set is rebuilt from them at the next init.
    }
}
