package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * Numbers for differentiated NDArray arithmetic. DJL's PyTorch engine runs {@code x.mul(2f)},
 * {@code x.div(n)}, {@code x.pow(g)}, {@code x.maximum(0f)} and the like by wrapping the Java number in a
 * temporary tensor over a Java buffer and closing it right after the operation; autograd keeps that tensor for the
 * backward pass (the gradient of a product or quotient reads the other factor), so a garbage collection between
 * the forward and the backward can free the memory the backward then reads: garbage or NaN gradients. Every
 * number that enters an operation autograd differentiates goes through {@link #of}: a 0-d array owned by the
 * manager of the array it combines with, alive until that manager closes (after the backward).
 */
public final class Scalars {

    private Scalars() {
    }

    /**
     * A float32 0-d array in the manager of {@code like}.
     *
     * @param like an array whose manager owns the scalar
     * @param value the value
     * @return the scalar array
     */
    public static NDArray of(final NDArray like, final float value) {
        return like.getManager().create(value);
    }
}
