package io.egostream.model.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.schedule.NodeTiming;
import io.egostream.model.schedule.WindowPlan;
import io.egostream.model.domain.EventStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IncrementalEvaluatorTest {

    static final double TOL = 1e-4;
    static NDManager manager;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    static HierEgoPackConfig smallConfig(final int depth) {
        return HierEgoPackConfig.small().withHeads(List.of(Task.values()), null).withDepth(depth);
    }

    static StreamingSettings smallSettings() {
        final NodeTiming t = NodeTiming.ego4d();
        return StreamingSettings.defaults(t).withWindows(Map.of(HeadKind.AR, new WindowPlan(6, 2, 1),
                HeadKind.OSCC, new WindowPlan(5, 3, 1), HeadKind.PNR, new WindowPlan(16, 4, 16),
                HeadKind.LTA, new WindowPlan(8, 4, 1)), 6.0).withEmitNodes(true);
    }

    static HierEgoPackWeights weights(final HierEgoPackConfig config, final long seed) {
        final HierEgoPackWeights w = HierEgoPackWeights.initialise(config, manager, seed);
        StreamingCheck.perturb(w, seed + 1, 0.05f);
        return w;
    }

    @Test
    void everyOutputEqualsTheOfflineForwardAfterClose() {
        final HierEgoPackConfig config = smallConfig(3);
        try (HierEgoPackWeights w = weights(config, 11);
                IncrementalEvaluator ev = new IncrementalEvaluator(config, new NdStepKernels(w), smallSettings())) {
            for (final int frames : new int[] {1, 7, 23, 70}) {
                final StreamingCheck.Report r = StreamingCheck.run(ev, w, frames, 3, frames);
                assertEquals(List.of(), r.problems(), "frames " + frames);
                assertTrue(r.maxAbsDiff() <= TOL, "frames " + frames + ": " + r);
                assertTrue(r.nodes() > 0 && r.moments() > 0);
            }
        }
    }

    @Test
    void reducedDepthAndSingleFrameChunksAreExactToo() {
        final HierEgoPackConfig config = smallConfig(1);
        final StreamingSettings settings = new StreamingSettings(NodeTiming.ego4d(), smallSettings().windows(), 3.0,
                true, 1);
        try (HierEgoPackWeights w = weights(config, 5);
                IncrementalEvaluator ev = new IncrementalEvaluator(config, new NdStepKernels(w), settings)) {
            assertTrue(ev.receptiveFieldFrames() >= 4 * ev.neighbourOffsets(), "at least the backbone look-back 4K");
            for (final int frames : new int[] {3, 30}) {
                final StreamingCheck.Report r = StreamingCheck.run(ev, w, frames, 2, 100 + frames);
                assertEquals(List.of(), r.problems());
                assertTrue(r.maxAbsDiff() <= TOL, r.toString());
            }
        }
    }

    static StepOutput merge(final List<StepOutput> parts) {
        final List<NodeValue> n = new ArrayList<>();
        final List<WindowResult> w = new ArrayList<>();
        final List<MqResult> m = new ArrayList<>();
        for (final StepOutput p : parts) {
            n.addAll(p.nodes());
            w.addAll(p.windows());
            m.addAll(p.moments());
        }
        return new StepOutput("merged", EventStatus.FINAL, n, w, m);
    }

    static List<float[]> frames(final float[][] s, final int from, final int to) {
        final List<float[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(s[i]);
        }
        return out;
    }

    @Test
    void finalPlusProvisionalIsTheOfflineForwardOfThePrefix() {
        final HierEgoPackConfig config = smallConfig(3);
        try (HierEgoPackWeights w = weights(config, 21);
                IncrementalEvaluator ev = new IncrementalEvaluator(config, new NdStepKernels(w), smallSettings())) {
            final float[][] s = StreamingCheck.randomStream(60, config.inputDim(), new Random(3));
            final StreamState st = ev.open("cam");
            final List<StepOutput> finals = new ArrayList<>();
            int sent = 0;
            for (final int t : new int[] {1, 9, 17, 18, 41, 60}) {
                finals.add(ev.step(List.of(CameraStep.push(st, frames(s, sent, t)))).get(0));
                sent = t;
                final StepOutput prov = ev.provisional(List.of(st)).get(0);
                assertEquals(EventStatus.PROVISIONAL, prov.status());
                final List<StepOutput> all = new ArrayList<>(finals);
                all.add(prov);
                final OutputComparison cmp = new OutputComparison().compare(
                        OfflineReference.compute(w, ev.settings(), java.util.Arrays.copyOf(s, t)), all, true);
                assertEquals(List.of(), cmp.problems(), "t = " + t);
                assertTrue(cmp.maxAbsDiff() <= TOL, "t = " + t + ": " + cmp.maxAbsDiff() + " at " + cmp.worst());
                assertTrue(!st.closed() && st.frames() == t, "provisional must not change the state");
            }
        }
    }

    @Test
    void rebuildFromTheReceptiveFieldEmitsExactlyWhatTheOriginalWould() {
        final HierEgoPackConfig config = smallConfig(2);
        try (HierEgoPackWeights w = weights(config, 31);
                IncrementalEvaluator ev = new IncrementalEvaluator(config, new NdStepKernels(w), smallSettings())) {
            final long n = ev.receptiveFieldFrames();
            final int total = (int) n + 60;
            final float[][] s = StreamingCheck.randomStream(total, config.inputDim(), new Random(4));
            for (final int t : new int[] {(int) n - 5, (int) n + 13, (int) n + 26}) {
                final StreamState original = ev.open("a");
                ev.step(List.of(CameraStep.push(original, frames(s, 0, t))));
                final int from = (int) Math.max(0, t - n);
                final StreamState rebuilt = ev.rebuild("a", from, frames(s, from, t));
                final List<StepOutput> a = new ArrayList<>();
                final List<StepOutput> b = new ArrayList<>();
                for (int k = t; k < total; k += 7) {
                    final int e = Math.min(total, k + 7);
                    a.add(ev.step(List.of(new CameraStep(original, frames(s, k, e), e == total))).get(0));
                    b.add(ev.step(List.of(new CameraStep(rebuilt, frames(s, k, e), e == total))).get(0));
                    if (e < total) {
                        a.add(ev.provisional(List.of(original)).get(0));
                        b.add(ev.provisional(List.of(rebuilt)).get(0));
                    }
                }
                for (int k = 0; k < a.size(); k++) {
                    final OutputComparison cmp = new OutputComparison().compare(a.get(k), List.of(b.get(k)), true);
                    assertEquals(List.of(), cmp.problems(), "t = " + t + " part " + k);
                    assertTrue(cmp.maxAbsDiff() <= 1e-5, "t = " + t + ": " + cmp.maxAbsDiff());
                }
                assertTrue(ev.stateBytes(rebuilt) > 0);
            }
        }
    }

    @Test
    void batchedEqualsUnbatched() {
        final HierEgoPackConfig config = smallConfig(3);
        try (HierEgoPackWeights w = weights(config, 41);
                IncrementalEvaluator ev = new IncrementalEvaluator(config, new NdStepKernels(w), smallSettings())) {
            final int cams = 4;
            final List<float[][]> streams = new ArrayList<>();
            final List<StreamState> batched = new ArrayList<>();
            final List<List<StepOutput>> outB = new ArrayList<>();
            final List<List<StepOutput>> outU = new ArrayList<>();
            for (int c = 0; c < cams; c++) {
                streams.add(StreamingCheck.randomStream(20 + 9 * c, config.inputDim(), new Random(50 + c)));
                batched.add(ev.open("b" + c));
                outB.add(new ArrayList<>());
                outU.add(new ArrayList<>());
            }
            for (int t = 0; t < 50; t += 3) {
                final List<CameraStep> steps = new ArrayList<>();
                final List<Integer> who = new ArrayList<>();
                for (int c = 0; c < cams; c++) {
                    final int len = streams.get(c).length;
                    if (t < len) {
                        final int e = Math.min(len, t + 3);
                        steps.add(new CameraStep(batched.get(c), frames(streams.get(c), t, e), e == len));
                        who.add(c);
                    }
                }
                final List<StepOutput> out = ev.step(steps);
                for (int k = 0; k < out.size(); k++) {
                    outB.get(who.get(k)).add(out.get(k));
                }
            }
            for (int c = 0; c < cams; c++) {
                final StreamState alone = ev.open("u" + c);
                final float[][] s = streams.get(c);
                for (int t = 0; t < s.length; t++) {
                    outU.get(c).add(ev.step(List.of(new CameraStep(alone, frames(s, t, t + 1), t + 1 == s.length))).get(0));
                }
                final OutputComparison cmp = new OutputComparison().compare(merge(outU.get(c)), outB.get(c), true);
                assertEquals(List.of(), cmp.problems());
                assertTrue(cmp.maxAbsDiff() <= 1e-5, "camera " + c + ": " + cmp.maxAbsDiff());
            }
        }
    }

    @Test
    void stateMemoryDoesNotGrowWithTheStream() {
        final HierEgoPackConfig config = smallConfig(3);
        try (HierEgoPackWeights w = weights(config, 61);
                IncrementalEvaluator ev = new IncrementalEvaluator(config, new NdStepKernels(w), smallSettings())) {
            final float[][] s = StreamingCheck.randomStream(400, config.inputDim(), new Random(6));
            final StreamState st = ev.open("m");
            long at200 = 0;
            for (int t = 0; t < 400; t += 8) {
                ev.step(List.of(CameraStep.push(st, frames(s, t, t + 8))));
                if (t + 8 == 200) {
                    at200 = ev.stateBytes(st);
                }
            }
            assertTrue(at200 > 0);
            assertTrue(ev.stateBytes(st) <= at200 + 4L * config.featureSize() * 4,
                    ev.stateBytes(st) + " bytes at 400 frames vs " + at200 + " at 200");
        }
    }
}
