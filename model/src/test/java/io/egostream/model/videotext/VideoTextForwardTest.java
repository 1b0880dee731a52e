package io.egostream.model.videotext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DJL forward and the plain-Java encoder compute the same embeddings. */
class VideoTextForwardTest {

    private static final VideoTextConfig CONFIG = new VideoTextConfig(12, 8, 6, 5, 3, 4, 2);
    private static NDManager manager;
    private static VideoTextModel model;
    private static VideoTextEncoder encoder;

    @BeforeAll
    static void setUp() {
        manager = NDManager.newBaseManager();
        model = VideoTextModel.initial("test", CONFIG, 7);
        encoder = new VideoTextEncoder(model);
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    private static float[][] frames(final SplittableRandom r, final int n) {
        final float[][] out = new float[n][CONFIG.inputDim()];
        for (final float[] f : out) {
            for (int d = 0; d < f.length; d++) {
                f[d] = (float) Math.max(0, r.nextGaussian() * 0.3 + 0.1);
            }
        }
        return out;
    }

    @Test
    void segmentEmbeddingsOfPaddedBatchEqualPlainJavaOneByOne() {
        final SplittableRandom r = new SplittableRandom(3);
        final int[] lengths = {1, 3, 5, 2};
        final int l = 5;
        final float[] flat = new float[lengths.length * l * CONFIG.inputDim()];
        final float[] mask = new float[lengths.length * l];
        final List<float[][]> segments = new ArrayList<>();
        for (int b = 0; b < lengths.length; b++) {
            final float[][] f = frames(r, lengths[b]);
            segments.add(f);
            for (int t = 0; t < f.length; t++) {
                System.arraycopy(f[t], 0, flat, (b * l + t) * CONFIG.inputDim(), CONFIG.inputDim());
                mask[b * l + t] = 1;
            }
        }
        try (NDManager m = manager.newSubManager()) {
            final VideoTextForward forward = new VideoTextForward(CONFIG, VideoTextForward.toArrays(model, m));
            final NDArray states = forward.segmentStates(m.create(flat, new Shape(lengths.length, l,
                    CONFIG.inputDim())), m.create(mask, new Shape(lengths.length, l)));
            final float[] e = forward.segmentEmbeddings(states).toFloatArray();
            final float[] z = states.toFloatArray();
            for (int b = 0; b < lengths.length; b++) {
                final float[] state = encoder.segmentState(java.util.Arrays.asList(segments.get(b)));
                assertArrayEquals(state, slice(z, b, CONFIG.hiddenDim()), 1e-5f, "state of segment " + b);
                assertArrayEquals(encoder.segmentEmbedding(state), slice(e, b, CONFIG.textDim()), 1e-5f,
                        "embedding of segment " + b);
            }
        }
    }

    @Test
    void windowEmbeddingsOfPaddedBatchEqualPlainJava() {
        final SplittableRandom r = new SplittableRandom(5);
        final int[] chunks = {4, 1, 3};
        final int mMax = 4;
        final int h = CONFIG.hiddenDim();
        final float[] states = new float[chunks.length * mMax * h];
        final float[] mask = new float[chunks.length * mMax];
        final List<List<float[]>> children = new ArrayList<>();
        for (int b = 0; b < chunks.length; b++) {
            final List<float[]> c = new ArrayList<>();
            for (int i = 0; i < chunks[b]; i++) {
                final float[] z = new float[h];
                for (int j = 0; j < h; j++) {
                    z[j] = (float) Math.max(0, r.nextGaussian());
                }
                c.add(z);
                System.arraycopy(z, 0, states, (b * mMax + i) * h, h);
                mask[b * mMax + i] = 1;
            }
            // Padding holds garbage: the mask must hide it.
            for (int i = chunks[b]; i < mMax; i++) {
                for (int j = 0; j < h; j++) {
                    states[(b * mMax + i) * h + j] = 100f;
                }
            }
            children.add(c);
        }
        try (NDManager m = manager.newSubManager()) {
            final VideoTextForward forward = new VideoTextForward(CONFIG, VideoTextForward.toArrays(model, m));
            final float[] w = forward.windowEmbeddings(m.create(states, new Shape(chunks.length, mMax, h)),
                    m.create(mask, new Shape(chunks.length, mMax))).toFloatArray();
            for (int b = 0; b < chunks.length; b++) {
                assertArrayEquals(encoder.windowEmbedding(children.get(b)), slice(w, b, CONFIG.textDim()), 1e-5f,
                        "window " + b);
            }
        }
    }

    @Test
    void gradientsReachEveryParameter() {
        try (NDManager m = manager.newSubManager()) {
            final Map<String, NDArray> p = VideoTextForward.toArrays(model, m);
            p.values().forEach(a -> a.setRequiresGradient(true));
            final VideoTextForward forward = new VideoTextForward(CONFIG, p);
            final SplittableRandom r = new SplittableRandom(11);
            final float[] flat = new float[2 * 4 * 3 * CONFIG.inputDim()];
            for (int i = 0; i < flat.length; i++) {
                flat[i] = (float) r.nextDouble();
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                final NDArray x = m.create(flat, new Shape(8, 3, CONFIG.inputDim()));
                final NDArray z = forward.segmentStates(x, m.ones(new Shape(8, 3)));
                final NDArray seg = forward.segmentEmbeddings(z);
                final NDArray win = forward.windowEmbeddings(z.reshape(2, 4, CONFIG.hiddenDim()), m.ones(new Shape(2, 4)));
                final NDArray loss = seg.sum().add(win.mul(m.arange(CONFIG.textDim()).toType(
                        ai.djl.ndarray.types.DataType.FLOAT32, false)).sum());
                gc.backward(loss);
            }
            for (final Map.Entry<String, NDArray> e : p.entrySet()) {
                final float[] g = e.getValue().getGradient().toFloatArray();
                double norm = 0;
                for (final float v : g) {
                    norm += v * v;
                }
                assertEquals(true, norm > 0, "gradient of " + e.getKey() + " is zero");
            }
        }
    }

    /** Gradients of one forward, with or without a garbage collection (and buffer churn) before the backward. */
    private static Map<String, float[]> gradients(final boolean collectGarbage) throws InterruptedException {
        final Map<String, float[]> out = new java.util.LinkedHashMap<>();
        try (NDManager m = manager.newSubManager()) {
            final Map<String, NDArray> p = VideoTextForward.toArrays(model, m);
            p.values().forEach(a -> a.setRequiresGradient(true));
            final VideoTextForward forward = new VideoTextForward(CONFIG, p);
            final float[] flat = new float[2 * 4 * 3 * CONFIG.inputDim()];
            final SplittableRandom r = new SplittableRandom(13);
            for (int i = 0; i < flat.length; i++) {
                flat[i] = (float) r.nextDouble();
            }
            final float[] mask = new float[8 * 3];
            java.util.Arrays.fill(mask, 1f);
            mask[5] = 0;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                final NDArray z = forward.segmentStates(m.create(flat, new Shape(8, 3, CONFIG.inputDim())),
                        m.create(mask, new Shape(8, 3)));
                final NDArray win = forward.windowEmbeddings(z.reshape(2, 4, CONFIG.hiddenDim()),
                        m.create(new float[] {1, 1, 1, 0, 1, 1, 1, 1}, new Shape(2, 4)));
                final NDArray loss = forward.segmentEmbeddings(z).square().sum().add(win.sum());
                if (collectGarbage) {
                    final List<java.nio.ByteBuffer> churn = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        System.gc();
                        Thread.sleep(5);
                        for (int j = 0; j < 100; j++) {
                            churn.add(java.nio.ByteBuffer.allocateDirect(16));
                        }
                    }
                }
                gc.backward(loss);
            }
            p.forEach((k, v) -> out.put(k, v.getGradient().toFloatArray()));
        }
        return out;
    }

    /**
     * DJL's PyTorch engine makes a Java number into a tensor over a buffer nothing keeps alive; a backward that
     * reads it after a garbage collection read freed memory (gradients of Infinity or NaN). The network passes
     * manager-owned scalars instead, so a collection between forward and backward changes nothing.
     */
    @Test
    void gradientsDoNotDependOnGarbageCollectionBeforeBackward() throws InterruptedException {
        final Map<String, float[]> quiet = gradients(false);
        final Map<String, float[]> collected = gradients(true);
        for (final String name : quiet.keySet()) {
            assertArrayEquals(quiet.get(name), collected.get(name), 0f, name);
        }
    }

    @Test
    void wrongParameterShapeIsNamed() {
        try (NDManager m = manager.newSubManager()) {
            final Map<String, NDArray> p = new java.util.LinkedHashMap<>(VideoTextForward.toArrays(model, m));
            p.put("window.bias", m.zeros(new Shape(3)));
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new VideoTextForward(CONFIG, p));
            assertEquals(true, e.getMessage().contains("window.bias"), e.getMessage());
        }
    }

    private static float[] slice(final float[] flat, final int row, final int width) {
        final float[] out = new float[width];
        System.arraycopy(flat, row * width, out, 0, width);
        return out;
    }
}
