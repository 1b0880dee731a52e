package io.egostream.model.incremental;

import ai.djl.ndarray.NDManager;
import io.egostream.model.io.NpyArray;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.ModelFormatException;
import io.egostream.model.nn.ParameterLayout;
import io.egostream.model.nn.WeightModule;
import io.egostream.model.nn.ParameterRole;
import io.egostream.model.nn.ParameterSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The streaming exactness check: random camera streams go through the incremental evaluator (all cameras
 * batched, frames arriving in random bursts, then closed) and every output (each backbone node of each
 * level, each window of each windowed head, each MQ node) is compared with the offline forward of the
 * whole stream ({@link OfflineReference}).
 */
public final class StreamingCheck {

    private StreamingCheck() {
    }

    /**
     * The result of a check.
     *
     * @param maxAbsDiff largest absolute difference over every compared value
     * @param worst where it was
     * @param frames frames per camera
     * @param cameras cameras
     * @param nodes backbone nodes compared
     * @param windows windowed head outputs compared
     * @param moments MQ outputs compared
     * @param problems missing, duplicated or unexpected outputs (must be empty)
     * @param receptiveFieldFrames the evaluator's receptive field
     * @param stateBytes largest state of a camera seen, bytes
     */
    public record Report(double maxAbsDiff, String worst, int frames, int cameras, int nodes, int windows,
            int moments, List<String> problems, long receptiveFieldFrames, long stateBytes) {

        /**
         * @param tolerance the largest allowed difference
         * @return whether the check passed
         */
        public boolean passed(final double tolerance) {
            return problems.isEmpty() && maxAbsDiff <= tolerance;
        }
    }

    /**
     * Adds Gaussian noise of standard deviation {@code scale} to every trainable parameter, so identity,
     * zero and unit initialisations (TDGC {@code lin_rel}, biases, LayerNorm) do not hide mistakes.
     *
     * @param weights the store, changed in place
     * @param seed noise seed
     * @param scale noise standard deviation
     */
    public static void perturb(final HierEgoPackWeights weights, final long seed, final float scale) {
        final Random r = new Random(seed);
        for (final ParameterSpec spec : weights.layout().all()) {
            if (spec.role() != ParameterRole.TRAINABLE) {
                continue;
            }
            final float[] v = weights.get(spec.module(), spec.key()).toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += (float) (scale * r.nextGaussian());
            }
            weights.set(spec.module(), spec.key(), v);
        }
    }

    /**
     * The parameters of a smaller configuration of the same model (fewer levels, no EgoPack), copied.
     *
     * @param weights the full store
     * @param config a configuration whose every parameter the full store has with the same shape
     * @param parent manager of the new store
     * @return the new store
     * @throws IllegalArgumentException if a parameter is missing or mis-shaped
     */
    public static HierEgoPackWeights subset(final HierEgoPackWeights weights, final HierEgoPackConfig config,
            final NDManager parent) {
        final Map<WeightModule, Map<String, NpyArray>> all = weights.toNpy();
        final Map<WeightModule, Map<String, NpyArray>> keep = new EnumMap<>(WeightModule.class);
        final ParameterLayout layout = ParameterLayout.of(config);
        for (final WeightModule m : layout.modules()) {
            final Map<String, NpyArray> file = new LinkedHashMap<>();
            for (final String key : layout.specs(m).keySet()) {
                final NpyArray a = all.getOrDefault(m, Map.of()).get(key);
                if (a == null) {
                    throw new IllegalArgumentException("the model has no parameter " + m.fileName() + ":" + key);
                }
                file.put(key, a);
            }
            keep.put(m, file);
        }
        try {
            return HierEgoPackWeights.fromNpy(config, parent, keep);
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException("cannot take a " + config.depth() + "-level subset: " + e.getMessage(), e);
        }
    }

    /**
     * @param frames frames
     * @param dim dimension
     * @param r random source
     * @return {@code [frames][dim]} standard normal values
     */
    public static float[][] randomStream(final int frames, final int dim, final Random r) {
        final float[][] out = new float[frames][dim];
        for (final float[] f : out) {
            for (int i = 0; i < dim; i++) {
                f[i] = (float) r.nextGaussian();
            }
        }
        return out;
    }

    /**
     * Runs the check.
     *
     * @param evaluator the evaluator (its settings should emit nodes to compare the backbone)
     * @param weights the weights the evaluator's kernels use
     * @param frames frames per camera (at least 1)
     * @param cameras cameras (at least 1); camera {@code c} sends {@code frames - c * frames / (2 * cameras)}
     *     frames, so lengths differ
     * @param seed seed of the streams and of the burst sizes
     * @return the report
     */
    public static Report run(final IncrementalEvaluator evaluator, final HierEgoPackWeights weights, final int frames,
            final int cameras, final long seed) {
        if (frames < 1 || cameras < 1) {
            throw new IllegalArgumentException("the streaming check needs at least one frame and one camera, got "
                    + frames + " frames, " + cameras + " cameras");
        }
        final Random r = new Random(seed);
        final int din = weights.config().inputDim();
        final List<float[][]> streams = new ArrayList<>();
        final List<StreamState> states = new ArrayList<>();
        final List<List<StepOutput>> outputs = new ArrayList<>();
        for (int c = 0; c < cameras; c++) {
            streams.add(randomStream(Math.max(1, frames - c * frames / (2 * cameras)), din, r));
            states.add(evaluator.open("camera-" + c));
            outputs.add(new ArrayList<>());
        }
        final int[] sent = new int[cameras];
        long maxBytes = 0;
        boolean pending = true;
        while (pending) {
            pending = false;
            final List<CameraStep> steps = new ArrayList<>();
            final List<Integer> who = new ArrayList<>();
            for (int c = 0; c < cameras; c++) {
                final float[][] s = streams.get(c);
                if (sent[c] >= s.length) {
                    continue;
                }
                final int burst = Math.min(s.length - sent[c], 1 + (r.nextInt(4) == 0 ? r.nextInt(12) : 0));
                final List<float[]> fr = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    fr.add(s[sent[c] + i]);
                }
                sent[c] += burst;
                steps.add(new CameraStep(states.get(c), fr, sent[c] >= s.length));
                who.add(c);
                pending = true;
            }
            if (!steps.isEmpty()) {
                final List<StepOutput> out = evaluator.step(steps);
                for (int k = 0; k < out.size(); k++) {
                    outputs.get(who.get(k)).add(out.get(k));
                    maxBytes = Math.max(maxBytes, evaluator.stateBytes(states.get(who.get(k))));
                }
            }
        }
        final OutputComparison cmp = new OutputComparison();
        for (int c = 0; c < cameras; c++) {
            cmp.compare(OfflineReference.compute(weights, evaluator.settings(), streams.get(c)), outputs.get(c), true);
        }
        return new Report(cmp.maxAbsDiff(), cmp.worst(), frames, cameras, cmp.nodes(), cmp.windows(), cmp.moments(),
                cmp.problems(), evaluator.receptiveFieldFrames(), maxBytes);
    }
}
