package io.egostream.training.videotext;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.egostream.model.videotext.VideoTextConfig;
import io.egostream.model.videotext.VideoTextEncoder;
import io.egostream.model.videotext.VideoTextForward;
import io.egostream.model.videotext.VideoTextModel;
import io.egostream.training.optim.Adam;
import io.egostream.training.optim.LearningRateSchedule;
import io.egostream.training.optim.ParameterGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the two-level video-text model (HierVL's recipe on EgoStream's corpus): each step draws a batch of
 * segments and a batch of windows; the loss is {@code InfoNCE(segment, narration) + w InfoNCE(window, summary)}
 * ({@link ContrastiveLoss}, {@code w = windowWeight}); the window loss reaches the segment encoder through the
 * chunk states it aggregates. Adam with decay on matrices only, global-norm clipping, linear warm-up then cosine
 * decay. An epoch visits every training segment once in a seeded order; windows are visited in a seeded order,
 * cycling. Same seed, data and settings give the same model in one process (across processes the CPU kernels'
 * rounding can differ in the last bits, and runs drift apart slowly). A step whose gradient is not finite is
 * skipped (weights unchanged, counted in {@link VideoTextEpoch#skippedSteps()}); more than 1 % of the steps so
 * ends training with an error.
 */
public final class VideoTextTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(VideoTextTrainer.class);

    private VideoTextTrainer() {
    }

    /**
     * Trains.
     *
     * @param initial the starting weights (their config fixes the sizes)
     * @param train training videos
     * @param validation validation videos, evaluated after each epoch, or null
     * @param texts text embeddings (every narration and summary is embedded here if not yet)
     * @param settings the settings
     * @param listener progress
     * @return the trained model and the per-epoch history
     */
    public static VideoTextTrainingResult train(final VideoTextModel initial, final VideoTextCorpus train,
            final VideoTextCorpus validation, final TextEmbeddings texts, final VideoTextTrainingSettings settings,
            final VideoTextTrainingListener listener) {
        final VideoTextConfig config = initial.config();
        final List<SegmentSample> segments = train.segments();
        final List<WindowSample> windows = settings.trainsWindows() ? train.windows(config.windowHopChunks())
                : List.of();
        if (segments.size() < settings.segmentBatch()) {
            throw new IllegalArgumentException("training needs at least one batch of segments: " + segments.size()
                    + " segments, batch " + settings.segmentBatch());
        }
        if (settings.trainsWindows() && windows.size() < settings.windowBatch()) {
            throw new IllegalArgumentException("training the window level needs at least one batch of windows: "
                    + windows.size() + " windows, batch " + settings.windowBatch());
        }
        final Map<String, Integer> narrationIds = ids(segments.stream().map(SegmentSample::narration).toList());
        final Map<String, Integer> summaryIds = ids(windows.stream().map(WindowSample::summary).toList());
        texts.addAll(narrationIds.keySet());
        texts.addAll(summaryIds.keySet());
        final int stepsPerEpoch = segments.size() / settings.segmentBatch();
        final long totalSteps = (long) stepsPerEpoch * settings.epochs();
        final List<VideoTextEpoch> history = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager()) {
            final Map<String, NDArray> params = VideoTextForward.toArrays(initial, root);
            params.values().forEach(p -> p.setRequiresGradient(true));
            final VideoTextForward forward = new VideoTextForward(config, params);
            final Adam adam = new Adam(ParameterGroup.splitByDecay("", params, settings.learningRate(),
                    settings.weightDecay()), new LearningRateSchedule((long) settings.warmupEpochs() * stepsPerEpoch,
                    totalSteps, 0.0), settings.gradClip());
            listener.started(totalSteps);
            int windowCursor = 0;
            long skipped = 0;
            int[] windowOrder = windows.isEmpty() ? new int[0]
                    : permutation(windows.size(), new SplittableRandom(mix(settings.seed(), 0, 1)));
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                final long started = System.nanoTime();
                final int[] order = permutation(segments.size(), new SplittableRandom(mix(settings.seed(), epoch, 0)));
                double segSum = 0;
                double winSum = 0;
                for (int step = 0; step < stepsPerEpoch; step++) {
                    final List<SegmentSample> segBatch = new ArrayList<>();
                    for (int i = 0; i < settings.segmentBatch(); i++) {
                        segBatch.add(segments.get(order[step * settings.segmentBatch() + i]));
                    }
                    final List<WindowSample> winBatch = new ArrayList<>();
                    for (int i = 0; i < (windows.isEmpty() ? 0 : settings.windowBatch()); i++) {
                        if (windowCursor == windowOrder.length) {
                            windowCursor = 0;
                            windowOrder = permutation(windows.size(),
                                    new SplittableRandom(mix(settings.seed(), epoch, step + 2)));
                        }
                        winBatch.add(windows.get(windowOrder[windowCursor++]));
                    }
                    final double[] losses = step(forward, root, train, texts, segBatch, winBatch, narrationIds,
                            summaryIds, settings);
                    try {
                        adam.step();
                    } catch (IllegalStateException e) {
                        // A non-finite gradient: Adam left the weights unchanged; clear the gradients in place
                        // (Adam's zeroing multiplies by 0, which keeps NaN).
                        clearGradients(params);
                        skipped++;
                        LOG.warn("epoch {} step {}: {}; step skipped", epoch, step + 1, e.getMessage());
                        if (skipped > Math.max(1, totalSteps / 100)) {
                            throw new IllegalStateException(skipped + " of " + ((long) (epoch - 1) * stepsPerEpoch
                                    + step + 1) + " steps had non-finite gradients (more than 1 %); training diverged",
                                    e);
                        }
                    }
                    segSum += losses[0];
                    winSum += losses[1];
                    listener.stepDone((long) (epoch - 1) * stepsPerEpoch + step + 1, losses[0], losses[1]);
                }
                final RetrievalReport val = validation == null ? null
                        : RetrievalEvaluator.evaluate(new VideoTextEncoder(snapshot(initial, params)), validation, texts);
                final VideoTextEpoch record = new VideoTextEpoch(epoch, segSum / stepsPerEpoch,
                        windows.isEmpty() ? Double.NaN : winSum / stepsPerEpoch,
                        adam.currentLearningRate(adam.groups().get(0)), (System.nanoTime() - started) / 1e9, val,
                        skipped);
                history.add(record);
                listener.epochDone(record);
            }
            params.values().forEach(p -> p.setRequiresGradient(false));
            return new VideoTextTrainingResult(snapshot(initial, params), history);
        }
    }

    private static double[] step(final VideoTextForward forward, final NDManager root, final VideoTextCorpus corpus,
            final TextEmbeddings texts, final List<SegmentSample> segBatch, final List<WindowSample> winBatch,
            final Map<String, Integer> narrationIds, final Map<String, Integer> summaryIds,
            final VideoTextTrainingSettings settings) {
        final VideoTextConfig c = forward.config();
        try (NDManager m = root.newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                final SegmentBatch sb = SegmentBatch.of(corpus, segBatch, c, m);
                final NDArray segEmb = forward.segmentEmbeddings(forward.segmentStates(sb.frames(), sb.mask()));
                final NDArray segText = textMatrix(segBatch.stream().map(SegmentSample::narration).toList(), texts, m);
                final int[] segIds = segBatch.stream().mapToInt(s -> narrationIds.get(s.narration())).toArray();
                NDArray loss = ContrastiveLoss.infoNce(segEmb, segText, segIds, settings.temperature());
                final double segLoss = loss.getFloat();
                double winLoss = Double.NaN;
                if (!winBatch.isEmpty()) {
                    final SegmentBatch wb = SegmentBatch.ofWindowChunks(corpus, winBatch, c, m);
                    final int b = winBatch.size();
                    final int chunks = winBatch.get(0).chunks();
                    final NDArray states = forward.segmentStates(wb.frames(), wb.mask())
                            .reshape(b, chunks, c.hiddenDim());
                    final NDArray winEmb = forward.windowEmbeddings(states, m.ones(new Shape(b, chunks)));
                    final NDArray winText = textMatrix(winBatch.stream().map(WindowSample::summary).toList(), texts, m);
                    final int[] winIds = winBatch.stream().mapToInt(w -> summaryIds.get(w.summary())).toArray();
                    final NDArray wl = ContrastiveLoss.infoNce(winEmb, winText, winIds, settings.temperature());
                    winLoss = wl.getFloat();
                    loss = loss.add(wl.mul(VideoTextForward.scalar(wl, (float) settings.windowWeight())));
                }
                gc.backward(loss);
                return new double[] {segLoss, winLoss};
            }
        }
    }

    private static void clearGradients(final Map<String, NDArray> params) {
        for (final NDArray p : params.values()) {
            try (NDArray g = p.getGradient()) {
                g.set(new NDIndex(":"), 0);
            }
        }
    }

    private static NDArray textMatrix(final List<String> captions, final TextEmbeddings texts, final NDManager m) {
        final int e = texts.of(captions.get(0)).length;
        final float[] flat = new float[captions.size() * e];
        for (int i = 0; i < captions.size(); i++) {
            System.arraycopy(texts.of(captions.get(i)), 0, flat, i * e, e);
        }
        return m.create(flat, new Shape(captions.size(), e));
    }

    /** The current weights as a plain model. */
    static VideoTextModel snapshot(final VideoTextModel initial, final Map<String, NDArray> params) {
        final Map<String, float[]> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, v.toFloatArray()));
        return new VideoTextModel(initial.modelId(), initial.config(), values);
    }

    private static Map<String, Integer> ids(final List<String> texts) {
        final Map<String, Integer> out = new HashMap<>();
        for (final String t : texts) {
            out.putIfAbsent(t, out.size());
        }
        return out;
    }

    private static int[] permutation(final int n, final SplittableRandom random) {
        final int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** A seed from a seed and two counters (SplitMix64 finaliser). */
    static long mix(final long seed, final long a, final long b) {
        long z = seed ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
