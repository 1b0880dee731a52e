package io.egostream.model.synth;

/**
 * The direction each class gives the features of the frames where it is active. The synthesizer mixes the
 * prototypes of the active actions into a frame, so a model can learn classes from the features.
 * Implementations: {@link RandomClassPrototypes} (seeded random directions) and {@link TextClassPrototypes}
 * (a seeded projection of the class names' text embeddings, so similar classes get similar features);
 * {@link PrototypeSource} picks one.
 *
 * <p>Every prototype is a vector of {@link #dimension()} values with mean about 0 and variance about 1 per
 * value; the synthesizer relies on that scale.
 */
public interface ClassPrototypes {

    /**
     * The dimension D of every prototype.
     *
     * @return D, &gt;= 1
     */
    int dimension();

    /**
     * The number of verb classes.
     *
     * @return verb classes, &gt;= 1
     */
    int verbCount();

    /**
     * The number of noun classes.
     *
     * @return noun classes, &gt;= 1
     */
    int nounCount();

    /**
     * The prototype of one verb class.
     *
     * @param verbClass class index in {@code [0, verbCount())}
     * @return a read-only view or copy, shape {@code [D]}; callers must not modify it
     */
    float[] verb(int verbClass);

    /**
     * The prototype of one noun class.
     *
     * @param nounClass class index in {@code [0, nounCount())}
     * @return a read-only view or copy, shape {@code [D]}; callers must not modify it
     */
    float[] noun(int nounClass);

    /**
     * The prototype of frames where no annotated action is active.
     *
     * @return shape {@code [D]}; callers must not modify it
     */
    float[] background();
}
