package io.egostream.model.synth;

/**
 * Seeded random prototypes: every verb, noun and the background get an independent standard normal vector
 * (mean 0, variance 1 per value), so classes are nearly orthogonal in high dimension.
 */
public final class RandomClassPrototypes implements ClassPrototypes {

    private final int dimension;
    private final float[][] verbs;
    private final float[][] nouns;
    private final float[] background;

    private RandomClassPrototypes(final int dimension, final int verbCount, final int nounCount, final long seed) {
        this.dimension = dimension;
        this.verbs = new float[verbCount][];
        this.nouns = new float[nounCount][];
        for (int i = 0; i < verbCount; i++) {
            verbs[i] = draw(dimension, SeededGaussian.derive(seed, "verb", Integer.toString(i)));
        }
        for (int i = 0; i < nounCount; i++) {
            nouns[i] = draw(dimension, SeededGaussian.derive(seed, "noun", Integer.toString(i)));
        }
        this.background = draw(dimension, SeededGaussian.derive(seed, "background"));
    }

    /**
     * Prototypes for a vocabulary.
     *
     * @param vocabulary the classes
     * @param dimension D, 1..65536
     * @param seed the seed; the same seed gives the same prototypes
     * @return the prototypes
     * @throws IllegalArgumentException when the dimension is out of range
     */
    public static RandomClassPrototypes of(final ClassVocabulary vocabulary, final int dimension, final long seed) {
        if (dimension < 1 || dimension > 65_536) {
            throw new IllegalArgumentException("prototype dimension must be in [1, 65536], got " + dimension);
        }
        return new RandomClassPrototypes(dimension, vocabulary.verbCount(), vocabulary.nounCount(), seed);
    }

    private static float[] draw(final int dimension, final long seed) {
        final float[] vector = new float[dimension];
        new SeededGaussian(seed).fill(vector);
        return vector;
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
