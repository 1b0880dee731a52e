package io.egostream.model.synth;

import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyDtype;
import io.egostream.model.io.NpyFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sentence embeddings of class-name texts (see {@link ClassNameText}), looked up by text: the table from
 * which {@link TextClassPrototypes} derives its prototypes. Every vector has L2 norm 1.
 *
 * <p>EgoStream ships the all-MiniLM-L6-v2 embeddings (384-d) of every verb and noun class name of
 * EPIC-KITCHENS-100 and EGTEA Gaze+ under {@value #RESOURCE_DIR}: {@value #TEXTS_FILE} (one text per line)
 * and {@value #VECTORS_FILE} (a gzip-compressed float32 {@code .npy} of shape {@code [texts, 384]}, row i
 * for line i). The command {@code egostream text embed-classes} writes both files; a test of the cli module
 * checks that the shipped vectors equal what the encoder computes. Shipping the vectors rather than running
 * the encoder keeps this package pure Java and the generator bit-for-bit reproducible on every machine.
 */
public final class ClassNameEmbeddings {

    /** Classpath folder of the shipped table. */
    public static final String RESOURCE_DIR = "/io/egostream/data/class-name-embeddings/";
    /** File of the texts, one per line (UTF-8). */
    public static final String TEXTS_FILE = "texts.txt";
    /** File of the vectors, float32 {@code .npy}, gzip-compressed. */
    public static final String VECTORS_FILE = "embeddings.npy.gz";

    private static final double NORM_TOLERANCE = 1e-3;
    private static ClassNameEmbeddings shipped;

    private final Map<String, float[]> vectors;
    private final int dimension;

    private ClassNameEmbeddings(final Map<String, float[]> vectors, final int dimension) {
        this.vectors = vectors;
        this.dimension = dimension;
    }

    /**
     * A table from texts and vectors.
     *
     * @param texts N distinct, non-blank texts
     * @param vectors {@code [N][E]} vectors of L2 norm 1 (within 1e-3), row i for text i
     * @return the table (copies the vectors)
     * @throws IllegalArgumentException naming the text when a text repeats, is blank, or its vector has
     *     another width or norm
     */
    public static ClassNameEmbeddings of(final List<String> texts, final float[][] vectors) {
        if (texts.isEmpty() || texts.size() != vectors.length) {
            throw new IllegalArgumentException("a class-name embedding table needs one vector per text and at"
                    + " least one text, got " + texts.size() + " texts and " + vectors.length + " vectors");
        }
        final int dimension = vectors[0].length;
        final Map<String, float[]> table = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            final String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text " + i + " of the class-name embedding table is blank");
            }
            if (vectors[i].length != dimension) {
                throw new IllegalArgumentException("the vector of '" + text + "' has " + vectors[i].length
                        + " values, the first has " + dimension);
            }
            final double norm = norm(vectors[i]);
            if (Math.abs(norm - 1.0) > NORM_TOLERANCE) {
                throw new IllegalArgumentException("the vector of '" + text + "' has L2 norm " + norm
                        + "; class-name embeddings must be unit vectors");
            }
            if (table.put(text, vectors[i].clone()) != null) {
                throw new IllegalArgumentException("text '" + text + "' appears twice in the embedding table");
            }
        }
        return new ClassNameEmbeddings(table, dimension);
    }

    /**
     * The shipped table (loaded once, then shared; it is immutable).
     *
     * @return all-MiniLM-L6-v2 embeddings of the EPIC-KITCHENS-100 and EGTEA Gaze+ class names
     * @throws IllegalStateException when the resources are missing from the classpath
     */
    public static synchronized ClassNameEmbeddings shipped() {
        if (shipped == null) {
            shipped = readShipped();
        }
        return shipped;
    }

    /**
     * The vector of a text.
     *
     * @param text a class-name text, e.g. {@code chopping board}
     * @return a fresh copy, shape {@code [E]}
     * @throws IllegalArgumentException naming the text when the table lacks it
     */
    public float[] vector(final String text) {
        final float[] v = vectors.get(text);
        if (v == null) {
            throw new IllegalArgumentException("no embedding for class name '" + text + "' in the table of "
                    + vectors.size() + " names; add it with: egostream text embed-classes --names FILE");
        }
        return v.clone();
    }

    /**
     * Whether the table has a text.
     *
     * @param text a class-name text
     * @return true when {@link #vector} finds it
     */
    public boolean contains(final String text) {
        return vectors.containsKey(text);
    }

    /**
     * The texts in table order.
     *
     * @return an unmodifiable list
     */
    public List<String> texts() {
        return Collections.unmodifiableList(new ArrayList<>(vectors.keySet()));
    }

    /**
     * The width of the vectors.
     *
     * @return E (384 for all-MiniLM-L6-v2)
     */
    public int dimension() {
        return dimension;
    }

    /**
     * The number of texts.
     *
     * @return N
     */
    public int size() {
        return vectors.size();
    }

    /**
     * The vectors as one float32 {@code .npy} array, rows in {@link #texts()} order (the format of
     * {@value #VECTORS_FILE} before compression).
     *
     * @return shape {@code [N, E]}
     */
    public NpyArray toNpy() {
        final float[] flat = new float[vectors.size() * dimension];
        int row = 0;
        for (final float[] v : vectors.values()) {
            System.arraycopy(v, 0, flat, row++ * dimension, dimension);
        }
        return NpyArray.ofFloats(new long[] {vectors.size(), dimension}, flat);
    }

    /**
     * Reads a table written by {@link #write}.
     *
     * @param directory the folder holding {@value #TEXTS_FILE} and {@value #VECTORS_FILE}
     * @return the table
     * @throws UncheckedIOException naming the file when it cannot be read
     * @throws IllegalArgumentException naming the file when its content is malformed
     */
    public static ClassNameEmbeddings read(final Path directory) {
        final Path textFile = directory.resolve(TEXTS_FILE);
        final Path vectorFile = directory.resolve(VECTORS_FILE);
        try (InputStream textIn = Files.newInputStream(textFile);
                InputStream vectorIn = Files.newInputStream(vectorFile)) {
            return read(textIn, textFile.toString(), vectorIn, vectorFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-name embeddings in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes the table as {@value #TEXTS_FILE} and {@value #VECTORS_FILE} into a folder (created if absent).
     *
     * @param directory the folder
     * @throws UncheckedIOException naming the folder when it cannot be written
     */
    public void write(final Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(TEXTS_FILE), String.join("\n", vectors.keySet()) + "\n",
                    StandardCharsets.UTF_8);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve(VECTORS_FILE)))) {
                out.write(NpyFormat.write(toNpy()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write class-name embeddings to " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static ClassNameEmbeddings readShipped() {
        try (InputStream textIn = resource(TEXTS_FILE); InputStream vectorIn = resource(VECTORS_FILE)) {
            return read(textIn, RESOURCE_DIR + TEXTS_FILE, vectorIn, RESOURCE_DIR + VECTORS_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped class-name embeddings: " + e.getMessage(), e);
        }
    }

    private static ClassNameEmbeddings read(final InputStream textIn, final String textName,
            final InputStream vectorIn, final String vectorName) throws IOException {
        final List<String> texts = new String(textIn.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        final NpyArray array;
        try (InputStream unzipped = new GZIPInputStream(vectorIn)) {
            array = NpyFormat.read(unzipped.readAllBytes(), vectorName);
        }
        final long[] shape = array.shape();
        if (array.dtype() != NpyDtype.FLOAT32 || shape.length != 2 || shape[0] != texts.size()) {
            throw new IllegalArgumentException(vectorName + " must be float32 [" + texts.size() + ", E] to match the "
                    + texts.size() + " lines of " + textName + ", got " + array.dtype() + " " + array.shapeText());
        }
        final int width = (int) shape[1];
        final float[] flat = array.toFloats();
        final float[][] rows = new float[texts.size()][width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(flat, i * width, rows[i], 0, width);
        }
        return of(texts, rows);
    }

    private static InputStream resource(final String name) {
        final InputStream in = ClassNameEmbeddings.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("the shipped file " + RESOURCE_DIR + name
                    + " is missing from the classpath");
        }
        return in;
    }

    private static double norm(final float[] v) {
        double sum = 0;
        for (final float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
