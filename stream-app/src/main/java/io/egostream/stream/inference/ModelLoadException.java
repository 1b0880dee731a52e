package io.egostream.stream.inference;

/** The analyzer's model could not be loaded; the message names {@code model.dir} and the problem. */
public final class ModelLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying error, or null
     */
    public ModelLoadException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
