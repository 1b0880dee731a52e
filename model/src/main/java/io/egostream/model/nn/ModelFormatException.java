package io.egostream.model.nn;

/**
 * A model directory or weight file that cannot be loaded: unknown format version, missing or corrupt
 * file, unknown or missing key, wrong shape or dtype, non-finite weight. The message names the file, the
 * key and what was expected and found.
 */
public class ModelFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file and key
     */
    public ModelFormatException(final String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file and key
     * @param cause the underlying error
     */
    public ModelFormatException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
