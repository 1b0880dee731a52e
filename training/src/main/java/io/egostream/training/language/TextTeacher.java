package io.egostream.training.language;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained text-derived teacher ({@link TextTeacherNetwork}), arrays in Java memory: from the text of
 * observed actions it scores the verbs and nouns of any vocabulary at each of the next Z steps.
 *
 * @param config its shape
 * @param arrays name -&gt; array
 * @param epochLosses mean training loss (verb + noun cross-entropy) per epoch
 */
public record TextTeacher(TextTeacherConfig config, Map<String, TrainedHead.Array> arrays, List<Double> epochLosses) {

    private static final int CHUNK = 256;

    /** Copies the collections. */
    public TextTeacher {
        arrays = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        epochLosses = List.copyOf(epochLosses);
    }

    /**
     * Logits of every future step.
     *
     * @param observed {@code [N][E]} embeddings of the observed actions' text
     * @param classEmbeddings {@code [C][E]} embeddings of the class names (verbs or nouns of one vocabulary)
     * @param verbs whether the classes are verbs (else nouns)
     * @return {@code [N][Z][C]}
     */
    public float[][][] logits(final float[][] observed, final float[][] classEmbeddings, final boolean verbs) {
        final int z = config.steps();
        final int c = classEmbeddings.length;
        final float[][][] out = new float[observed.length][z][c];
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            final Map<String, NDArray> a = new LinkedHashMap<>();
            arrays.forEach((k, v) -> a.put(k, m.create(v.values(), new Shape(v.shape()))));
            final NDArray classes = Matrices.of(m, classEmbeddings);
            for (int from = 0; from < observed.length; from += CHUNK) {
                final int n = Math.min(CHUNK, observed.length - from);
                try (NDManager step = m.newSubManager()) {
                    final float[] rows = new float[n * z * config.textDim()];
                    final float[] oneHot = new float[n * z * z];
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < z; k++) {
                            System.arraycopy(observed[from + i], 0, rows, (i * z + k) * config.textDim(),
                                    config.textDim());
                            oneHot[(i * z + k) * z + k] = 1f;
                        }
                    }
                    final float[] logits = TextTeacherNetwork.logits(a,
                            step.create(rows, new Shape((long) n * z, config.textDim())),
                            step.create(oneHot, new Shape((long) n * z, z)), classes, verbs).toFloatArray();
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < z; k++) {
                            System.arraycopy(logits, (i * z + k) * c, out[from + i][k], 0, c);
                        }
                    }
                }
            }
        }
        return out;
    }
}
