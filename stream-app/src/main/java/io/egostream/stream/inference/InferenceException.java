package io.egostream.stream.inference;

/** A model call failed (engine error, bad shapes); the message names the cameras and tasks of the step. */
public final class InferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the engine error
     */
    public InferenceException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
