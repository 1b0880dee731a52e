package io.egostream.stream.broker;

/** The embedded Kafka broker could not start; the message names the cause (e.g. a port in use). */
public final class BrokerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and why
     * @param cause the underlying error
     */
    public BrokerStartException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
