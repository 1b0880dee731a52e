package io.egostream.cli.json;

/**
 * An input file that cannot be read or does not have the expected content. The message names the file,
 * the JSON Pointer of the offending value (when there is one) and what was expected.
 */
public final class InputFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the complete message
     */
    public InputFileException(final String message) {
        super(message);
    }
}
