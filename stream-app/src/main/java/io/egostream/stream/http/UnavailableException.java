package io.egostream.stream.http;

/** The answer cannot be given now (stores restoring or rebalancing, an instance unreachable); the API says 503. */
public final class UnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is unavailable and why
     * @param cause the underlying failure, or null
     */
    public UnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
