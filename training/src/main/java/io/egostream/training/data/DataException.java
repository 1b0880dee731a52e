package io.egostream.training.data;

/** A data file that cannot be used: missing, malformed or inconsistent. The message names the file. */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file and the entry
     */
    public DataException(final String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file and the entry
     * @param cause the underlying error
     */
    public DataException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
