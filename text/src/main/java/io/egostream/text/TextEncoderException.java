package io.egostream.text;

/** The text encoder could not be opened or could not run the model. */
public final class TextEncoderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the resource or input involved
     * @param cause the underlying error, or {@code null}
     */
    public TextEncoderException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
