package io.egostream.model.nn.openvocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenVocabularyHeadTest {

    private static final int D = 6;
    private static final int E = 4;
    private static final int H = 5;
    private static final PromptTemplate PROMPT = new PromptTemplate("a video of {}");

    private final NDManager manager = NDManager.newBaseManager("PyTorch");

    @AfterEach
    void close() {
        manager.close();
    }

    private static float[][] random(final int rows, final int cols, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[][] out = new float[rows][cols];
        for (final float[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (r.nextDouble() * 2 - 1);
            }
        }
        return out;
    }

    private static float[][] unitRows(final float[][] m) {
        final float[][] out = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            double n = 0;
            for (final float x : m[i]) {
                n += x * x;
            }
            out[i] = new float[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = (float) (m[i][j] / Math.sqrt(n));
            }
        }
        return out;
    }

    private NDArray matrix(final float[][] m) {
        final float[] flat = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * m[0].length, m[0].length);
        }
        return manager.create(flat, new Shape(m.length, m[0].length));
    }

    private static float[][] rows(final NDArray a) {
        final int n = (int) a.getShape().get(0);
        final int c = (int) a.getShape().get(1);
        final float[] flat = a.toFloatArray();
        final float[][] out = new float[n][c];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }

    /** A head whose every array is random (adapter output included), so the adapter matters. */
    private OpenVocabularyHead randomHead(final int hidden) {
        final OpenVocabularyConfig config = new OpenVocabularyConfig(D, E, hidden, PROMPT, 0.1);
        final Map<String, NDArray> arrays = new LinkedHashMap<>();
        long seed = 1;
        for (final Map.Entry<String, Shape> e : OpenVocabularyParameters.shapes(config).entrySet()) {
            final Shape s = e.getValue();
            final float[][] v = random(1, (int) s.size(), seed++);
            arrays.put(e.getKey(), manager.create(v[0], s));
        }
        arrays.put(OpenVocabularyParameters.INPUT_SCALE, manager.ones(new Shape(D)).mul(2f));
        arrays.put(OpenVocabularyParameters.LOGIT_SCALE, manager.create(new float[] {(float) Math.log(10)}));
        return new OpenVocabularyHead(config, arrays);
    }

    /** The forward written out per class: adapted embedding materialised, then the cosine. */
    private static double[][] expectedLogits(final OpenVocabularyHead head, final float[][] f, final float[][] t) {
        final Map<String, NDArray> a = head.arrays();
        final float[] mean = a.get(OpenVocabularyParameters.INPUT_MEAN).toFloatArray();
        final float[] scale = a.get(OpenVocabularyParameters.INPUT_SCALE).toFloatArray();
        final float[][] w = rows(a.get(OpenVocabularyParameters.PROJ_WEIGHT));
        final float[] b = a.get(OpenVocabularyParameters.PROJ_BIAS).toFloatArray();
        final double logitScale = Math.exp(a.get(OpenVocabularyParameters.LOGIT_SCALE).getFloat(0));
        final double[][] out = new double[f.length][t.length];
        for (int n = 0; n < f.length; n++) {
            final double[] x = new double[D];
            for (int d = 0; d < D; d++) {
                x[d] = (f[n][d] - mean[d]) * scale[d];
            }
            final double[] v = affine(w, b, x);
            final double[] cond = new double[E];
            if (head.config().hasAdapter()) {
                final double[] hidden = affine(rows(a.get(OpenVocabularyParameters.ADAPTER_IN_WEIGHT)),
                        a.get(OpenVocabularyParameters.ADAPTER_IN_BIAS).toFloatArray(), x);
                for (int i = 0; i < hidden.length; i++) {
                    hidden[i] = Math.max(0, hidden[i]);
                }
                System.arraycopy(affine(rows(a.get(OpenVocabularyParameters.ADAPTER_OUT_WEIGHT)),
                        a.get(OpenVocabularyParameters.ADAPTER_OUT_BIAS).toFloatArray(), hidden), 0, cond, 0, E);
            }
            for (int c = 0; c < t.length; c++) {
                final double[] adapted = new double[E];
                for (int e = 0; e < E; e++) {
                    adapted[e] = t[c][e] + cond[e];
                }
                out[n][c] = logitScale * cosine(v, adapted);
            }
        }
        return out;
    }

    private static double[] affine(final float[][] w, final float[] b, final double[] x) {
        final double[] y = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            y[i] = b[i];
            for (int j = 0; j < x.length; j++) {
                y[i] += w[i][j] * x[j];
            }
        }
        return y;
    }

    private static double cosine(final double[] a, final double[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }

    private static void assertClose(final double[][] expected, final float[][] actual, final double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], tolerance, "[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void logitsHaveOneColumnPerClass() {
        final OpenVocabularyHead head = randomHead(H);
        final NDArray logits = head.logits(matrix(random(3, D, 7)), matrix(unitRows(random(5, E, 8))));
        assertEquals(new Shape(3, 5), logits.getShape());
    }

    @Test
    void logitsAreTheScaledCosineWithTheAdaptedClassEmbeddings() {
        final OpenVocabularyHead head = randomHead(H);
        final float[][] f = random(3, D, 7);
        final float[][] t = unitRows(random(5, E, 8));
        assertClose(expectedLogits(head, f, t), rows(head.logits(matrix(f), matrix(t))), 1e-4);
    }

    @Test
    void withoutAdapterLogitsAreTheScaledCosineWithTheFrozenEmbeddings() {
        final OpenVocabularyHead head = randomHead(0);
        final float[][] f = random(2, D, 3);
        final float[][] t = unitRows(random(4, E, 4));
        assertClose(expectedLogits(head, f, t), rows(head.logits(matrix(f), matrix(t))), 1e-4);
        final float[][] cos = rows(head.cosines(matrix(f), matrix(t)));
        for (final float[] row : cos) {
            for (final float c : row) {
                assertTrue(c >= -1.0001 && c <= 1.0001, "cosine " + c);
            }
        }
    }

    @Test
    void freshAdapterLeavesTheClassEmbeddingsUnchanged() {
        final OpenVocabularyConfig config = new OpenVocabularyConfig(D, E, H, PROMPT, 0.07);
        final Map<String, NDArray> init = OpenVocabularyParameters.initialize(config, manager, 5);
        final OpenVocabularyHead withAdapter = new OpenVocabularyHead(config, init);
        final Map<String, NDArray> noAdapterArrays = new LinkedHashMap<>(init);
        noAdapterArrays.keySet().removeIf(k -> k.startsWith("adapter."));
        final OpenVocabularyHead without = new OpenVocabularyHead(config.withoutAdapter(), noAdapterArrays);
        final NDArray f = matrix(random(3, D, 1));
        final NDArray t = matrix(unitRows(random(4, E, 2)));
        assertArrayEquals(without.logits(f, t).toFloatArray(), withAdapter.logits(f, t).toFloatArray(), 1e-6f);
        assertEquals(0.07, withAdapter.temperature(), 1e-6);
    }

    @Test
    void temperatureDividesTheCosinesAndIsBoundedBelow() {
        final OpenVocabularyHead head = randomHead(H);
        final NDArray f = matrix(random(2, D, 11));
        final NDArray t = matrix(unitRows(random(3, E, 12)));
        final float[] cos = head.cosines(f, t).toFloatArray();
        final float[] logits = head.logits(f, t).toFloatArray();
        for (int i = 0; i < cos.length; i++) {
            assertEquals(cos[i] * 10f, logits[i], 1e-4f);
        }
        assertEquals(0.1, head.temperature(), 1e-6);
        head.arrays().get(OpenVocabularyParameters.LOGIT_SCALE).set(new float[] {20f});
        assertEquals(OpenVocabularyConfig.MIN_TEMPERATURE, head.temperature(), 1e-6);
        final float[] clamped = head.logits(f, t).toFloatArray();
        for (int i = 0; i < cos.length; i++) {
            assertEquals(cos[i] * 100f, clamped[i], 1e-3f);
        }
    }

    @Test
    void addingALabelAddsAColumnAndLeavesTheOthersAsTheyWere() {
        final OpenVocabularyHead head = randomHead(H);
        final NDArray f = matrix(random(4, D, 21));
        final float[][] three = unitRows(random(3, E, 22));
        final float[][] four = new float[4][];
        System.arraycopy(three, 0, four, 0, 3);
        four[3] = unitRows(random(1, E, 23))[0];
        final float[][] before = rows(head.logits(f, matrix(three)));
        final float[][] after = rows(head.logits(f, matrix(four)));
        for (int n = 0; n < 4; n++) {
            assertEquals(4, after[n].length);
            for (int c = 0; c < 3; c++) {
                assertEquals(before[n][c], after[n][c], 1e-6f);
            }
        }
    }

    @Test
    void shapesThatDoNotFitAreRejected() {
        final OpenVocabularyHead head = randomHead(H);
        final IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> head.logits(matrix(random(2, D + 1, 1)), matrix(unitRows(random(2, E, 2)))));
        assertTrue(f.getMessage().contains("features must be [N, 6]"), f.getMessage());
        final IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> head.logits(matrix(random(2, D, 1)), matrix(unitRows(random(2, E + 1, 2)))));
        assertTrue(t.getMessage().contains("class embeddings must be"), t.getMessage());
    }

    @Test
    void promptTemplateNeedsExactlyOneSlot() {
        assertEquals("a video of pour water", PROMPT.apply(" pour water "));
        assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("no slot"));
        assertThrows(IllegalArgumentException.class, () -> new PromptTemplate("{} and {}"));
        assertThrows(IllegalArgumentException.class, () -> PROMPT.apply(" "));
    }
}
