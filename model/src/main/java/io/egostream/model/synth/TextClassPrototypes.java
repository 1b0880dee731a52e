package io.egostream.model.synth;

/**
 * Prototypes that follow language: the prototype of a class is a fixed seeded random projection of the
 * sentence embedding of its name ({@link ClassNameText}, {@link ClassNameEmbeddings}), so classes whose
 * names mean similar things give similar features ("cut" near "knife", "onion" near "spring onion").
 *
 * <p>With {@code R} a {@code [D, E]} matrix of independent standard normal values drawn from the seed
 * alone (the same for every vocabulary, so a name gives the same prototype in EPIC-KITCHENS-100 and in
 * EGTEA Gaze+), {@code e} the unit embedding of the class name, {@code r} a standard normal vector drawn
 * from the seed, the kind (verb or noun) and the name, and {@code w} the text weight:
 * <pre>
 * prototype = sqrt(w) R e + sqrt(1 - w) r
 * </pre>
 * Each value then has mean 0 and variance 1 (as {@link ClassPrototypes} requires), and the expected cosine
 * of two prototypes is {@code w} times the cosine of the two names' embeddings (all-MiniLM-L6-v2 puts the
 * mean cosine of two kitchen class names at about 0.26). {@code w = 1} makes features a function of the
 * names alone; a smaller {@code w} adds a per-class part no text predicts, as real appearance does. The
 * background prototype is the one of {@link RandomClassPrototypes} with the same seed.
 */
public final class TextClassPrototypes implements ClassPrototypes {

    /** The default text weight: prototypes derived from the names alone. */
    public static final double DEFAULT_TEXT_WEIGHT = 1.0;

    private final int dimension;
    private final float[][] verbs;
    private final float[][] nouns;
    private final float[] background;

    private TextClassPrototypes(final float[][] verbs, final float[][] nouns, final float[] background) {
        this.dimension = background.length;
        this.verbs = verbs;
        this.nouns = nouns;
        this.background = background;
    }

    /**
     * Prototypes from the shipped class-name embeddings with the default text weight.
     *
     * @param vocabulary the classes; every name's text must be in {@link ClassNameEmbeddings#shipped()}
     * @param dimension D, 1..65536
     * @param seed the seed of the projection, the per-class parts and the background
     * @return the prototypes
     * @throws IllegalArgumentException naming the class when its name has no embedding, or when the
     *     dimension is out of range
     */
    public static TextClassPrototypes of(final ClassVocabulary vocabulary, final int dimension, final long seed) {
        return of(vocabulary, ClassNameEmbeddings.shipped(), dimension, DEFAULT_TEXT_WEIGHT, seed);
    }

    /**
     * Prototypes from a table of class-name embeddings.
     *
     * @param vocabulary the classes
     * @param embeddings the table the names' texts are looked up in
     * @param dimension D, 1..65536
     * @param textWeight w in [0, 1]: the share of each prototype's variance that comes from the name
     * @param seed the seed of the projection, the per-class parts and the background
     * @return the prototypes
     * @throws IllegalArgumentException naming the value when a name has no embedding or a number is out of
     *     range
     */
    public static TextClassPrototypes of(final ClassVocabulary vocabulary, final ClassNameEmbeddings embeddings,
            final int dimension, final double textWeight, final long seed) {
        if (dimension < 1 || dimension > 65_536) {
            throw new IllegalArgumentException("prototype dimension must be in [1, 65536], got " + dimension);
        }
        if (!(textWeight >= 0 && textWeight <= 1)) {
            throw new IllegalArgumentException("text weight must be in [0, 1], got " + textWeight);
        }
        final float[][] projection = projection(dimension, embeddings.dimension(), seed);
        final float[][] verbs = new float[vocabulary.verbCount()][];
        for (int i = 0; i < verbs.length; i++) {
            verbs[i] = prototype(vocabulary.verbs().get(i), "verb", embeddings, projection, textWeight, seed);
        }
        final float[][] nouns = new float[vocabulary.nounCount()][];
        for (int i = 0; i < nouns.length; i++) {
            nouns[i] = prototype(vocabulary.nouns().get(i), "noun", embeddings, projection, textWeight, seed);
        }
        final float[] background = new float[dimension];
        new SeededGaussian(SeededGaussian.derive(seed, "background")).fill(background);
        return new TextClassPrototypes(verbs, nouns, background);
    }

    private static float[][] projection(final int dimension, final int width, final long seed) {
        final SeededGaussian gaussian = new SeededGaussian(SeededGaussian.derive(seed, "text-projection"));
        final float[][] r = new float[dimension][width];
        for (final float[] row : r) {
            gaussian.fill(row);
        }
        return r;
    }

    private static float[] prototype(final String classKey, final String kind, final ClassNameEmbeddings table,
            final float[][] projection, final double textWeight, final long seed) {
        final String text = ClassNameText.of(classKey);
        if (!table.contains(text)) {
            throw new IllegalArgumentException(kind + " class '" + classKey + "' (text '" + text
                    + "') has no embedding in the table of " + table.size()
                    + " names; add it with: egostream text embed-classes --names FILE");
        }
        final float[] e = table.vector(text);
        final float[] residual = new float[projection.length];
        if (textWeight < 1) {
            new SeededGaussian(SeededGaussian.derive(seed, "text-residual", kind, text)).fill(residual);
        }
        final double a = StrictMath.sqrt(textWeight);
        final double b = StrictMath.sqrt(1 - textWeight);
        final float[] out = new float[projection.length];
        for (int d = 0; d < out.length; d++) {
            double dot = 0;
            final float[] row = projection[d];
            for (int k = 0; k < row.length; k++) {
                dot += (double) row[k] * e[k];
            }
            out[d] = (float) (a * dot + b * residual[d]);
        }
        return out;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int verbCount() {
        return verbs.length;
    }

    @Override
    public int nounCount() {
        return nouns.length;
    }

    @Override
    public float[] verb(final int verbClass) {
        if (verbClass < 0 || verbClass >= verbs.length) {
            throw new IllegalArgumentException("verb class " + verbClass + " is not in [0, " + verbs.length + ")");
        }
        return verbs[verbClass];
    }

    @Override
    public float[] noun(final int nounClass) {
        if (nounClass < 0 || nounClass >= nouns.length) {
            throw new IllegalArgumentException("noun class " + nounClass + " is not in [0, " + nouns.length + ")");
        }
        return nouns[nounClass];
    }

    @Override
    public float[] background() {
        return background;
    }
}
