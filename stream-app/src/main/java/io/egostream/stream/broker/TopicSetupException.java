package io.egostream.stream.broker;

/** Topics could not be created or did not get partition leaders in time; the message names the topics. */
public final class TopicSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the topics or partitions
     * @param cause the underlying error, or null
     */
    public TopicSetupException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
