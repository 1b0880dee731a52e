package io.egostream.model.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.egostream.model.nn.HierEgoPackConfig;
import io.egostream.model.nn.HierEgoPackWeights;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PyTorch engine (NDArray kernels) and OnnxRuntime engine (exported ONNX graphs) agree on the same inputs. */
class OnnxStepKernelsTest {

    static NDManager manager;
    static HierEgoPackConfig config;
    static HierEgoPackWeights weights;
    static NdStepKernels torch;
    static OnnxStepKernels ort;
    static final Random R = new Random(9);

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager("PyTorch");
        config = IncrementalEvaluatorTest.smallConfig(2);
        weights = HierEgoPackWeights.initialise(config, manager, 3);
        StreamingCheck.perturb(weights, 4, 0.05f);
        torch = new NdStepKernels(weights);
        ort = new OnnxStepKernels(weights, ComputeDevice.CPU.resolve(OnnxStepKernels.ENGINE), null, 6);
    }

    @AfterAll
    static void tearDown() {
        ort.close();
        torch.close();
        weights.close();
        manager.close();
    }

    static float[] random(final int n) {
        final float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) R.nextGaussian();
        }
        return v;
    }

    static void assertClose(final float[] a, final float[] b, final String what) {
        assertEquals(a.length, b.length, what + " length");
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        assertTrue(max <= 1e-4, what + ": max abs diff " + max);
    }

    @Test
    void everyStepFunctionAgrees() {
        final int h = config.hidden();
        final int rows = 5;
        final float[] x = random(rows * h);
        final float[] frames = random(rows * config.inputDim());
        assertClose(torch.inputProjection(frames, rows), ort.inputProjection(frames, rows), "input projection");
        final float[] hx = random(rows * 6 * h);
        final float[] cg = random(rows * 6 * h);
        final float[] root = random(rows * h);
        for (int l = 0; l < config.depth(); l++) {
            assertClose(torch.levelEntry(l, x, rows), ort.levelEntry(l, x, rows), "level entry " + l);
            assertClose(torch.firstTdgc(l, hx, cg, root, rows), ort.firstTdgc(l, hx, cg, root, rows), "first TDGC " + l);
            assertClose(torch.secondTdgc(l, hx, cg, root, x, rows), ort.secondTdgc(l, hx, cg, root, x, rows),
                    "second TDGC " + l);
            final float[] d = {0.5333f, 1.0667f, 1.6f, 2.1333f};
            assertClose(torch.gates(l, 0, d), ort.gates(l, 0, d), "gates " + l);
            assertClose(torch.gates(l, 1, d), ort.gates(l, 1, d), "gates " + l);
        }
        for (final HeadKind head : List.of(HeadKind.AR, HeadKind.OSCC, HeadKind.LTA, HeadKind.MQ)) {
            assertClose(torch.project(head, x, rows), ort.project(head, x, rows), "projection " + head);
        }
        final float[] f = random(rows * config.featureSize());
        assertClose(torch.classify(HeadKind.AR, "verb_classifier", f, rows),
                ort.classify(HeadKind.AR, "verb_classifier", f, rows), "AR verb");
        assertClose(torch.classify(HeadKind.OSCC, "classifier", f, rows), ort.classify(HeadKind.OSCC, "classifier", f,
                rows), "OSCC");
        final float[] index = {0, 1, 2, 3, 15};
        assertClose(torch.pnr(x, index, rows), ort.pnr(x, index, rows), "PNR");
        final float[][] lt = torch.lta(f, rows);
        final float[][] lo = ort.lta(f, rows);
        assertClose(lt[0], lo[0], "LTA verb");
        assertClose(lt[1], lo[1], "LTA noun");
        final int[] levels = {0, 1, 0, 1, 1};
        final float[][] mt = torch.mqNode(x, levels, rows);
        final float[][] mo = ort.mqNode(x, levels, rows);
        assertClose(mt[0], mo[0], "MQ projection");
        assertClose(mt[1], mo[1], "MQ offsets");
        assertClose(torch.mqClassify(f, f, rows), ort.mqClassify(f, f, rows), "MQ classifier");
        assertTrue(ort.loadedGraphs() >= 15);
    }

    @Test
    void theEvaluatorOnOnnxRuntimeEqualsTheOfflineForward() {
        try (IncrementalEvaluator ev = new IncrementalEvaluator(config, new OnnxStepKernels(weights, Device.cpu(), null,
                6), IncrementalEvaluatorTest.smallSettings())) {
            final StreamingCheck.Report r = StreamingCheck.run(ev, weights, 40, 2, 8);
            assertEquals(List.of(), r.problems());
            assertTrue(r.maxAbsDiff() <= 1e-4, r.toString());
            assertTrue(r.windows() > 0 && r.moments() > 0);
        }
    }

    @Test
    void gpuOnAHostWithoutOneFailsClearly() {
        final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ComputeDevice.GPU.resolve(OnnxStepKernels.ENGINE));
        assertTrue(e.getMessage().contains("sees no GPU") && e.getMessage().contains("CUDA 12")
                && e.getMessage().contains("TensorRT 10"), e.getMessage());
        assertEquals(Device.cpu(), ComputeDevice.AUTO.resolve(OnnxStepKernels.ENGINE));
        final IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> new OnnxStepKernels(weights, Device.cpu(), "TensorRT", 6));
        assertTrue(t.getMessage().contains("TensorRT"), t.getMessage());
    }

    @Test
    void theOfflineBackboneOfAFixedSizeClipExportsToOnnx() throws Exception {
        final int n = 37;
        final float[] frames = random(n * config.inputDim());
        final byte[] onnx = new OnnxStepGraphs(weights).offlineBackbone(n, io.egostream.model.schedule.NodeTiming.ego4d());
        final float[] pos = new float[n];
        final long[] index = new long[n];
        for (int i = 0; i < n; i++) {
            pos[i] = io.egostream.model.schedule.NodeTiming.ego4d().pos(i);
            index[i] = i;
        }
        try (ai.djl.Model model = ai.djl.Model.newInstance("offline", Device.cpu(), OnnxStepKernels.ENGINE);
                NDManager m = manager.newSubManager()) {
            model.load(new java.io.ByteArrayInputStream(onnx), java.util.Map.of());
            final io.egostream.model.nn.BackboneOutput b = new io.egostream.model.nn.HierEgoPackForward(weights)
                    .backbone(new io.egostream.model.nn.ClipInput(m.create(frames, new ai.djl.ndarray.types.Shape(n,
                            config.inputDim())), new io.egostream.model.graph.NodeSet(pos, new long[n], index)));
            try (ai.djl.inference.Predictor<ai.djl.ndarray.NDList, ai.djl.ndarray.NDList> p =
                    model.newPredictor(new ai.djl.translate.NoopTranslator());
                    NDManager om = model.getNDManager().newSubManager()) {
                final ai.djl.ndarray.NDList out = p.predict(new ai.djl.ndarray.NDList(
                        om.create(frames, new ai.djl.ndarray.types.Shape(n, config.inputDim()))));
                assertEquals(config.depth(), out.size());
                for (int l = 0; l < config.depth(); l++) {
                    assertClose(b.levels().get(l).x().toFloatArray(), out.get(l).toFloatArray(), "offline level " + l);
                }
            }
        }
    }
}
