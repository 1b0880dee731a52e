package io.egostream.stream.http;

/** A request parameter with a bad value; the API answers 400 with the parameter's name and this message. */
public final class BadParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the parameter's name, e.g. {@code since}
     * @param message a sentence naming the bad value and what is allowed
     */
    public BadParameterException(final String parameter, final String message) {
        super(message);
        this.parameter = parameter;
    }

    /**
     * The parameter's name.
     *
     * @return e.g. {@code since}
     */
    public String parameter() {
        return parameter;
    }
}
