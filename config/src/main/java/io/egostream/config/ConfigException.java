package io.egostream.config;

/**
 * Configuration that cannot be used: an unknown key or environment variable, a value of the wrong type or
 * out of range, or a file that cannot be read or parsed. The message names the key (e.g. {@code http.port})
 * or the file, the bad value and what is allowed; apps print it and stop. It is an
 * {@link IllegalArgumentException} because the group records throw it from their compact constructors.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * A problem with one key.
     *
     * @param key the full key, e.g. {@code http.port}; null when the problem is not about one key
     * @param message a sentence naming the key or file, the value and what is allowed
     */
    public ConfigException(final String key, final String message) {
        super(message);
        this.key = key;
    }

    /**
     * A problem with a file, with its cause.
     *
     * @param message a sentence naming the file and what is wrong
     * @param cause the underlying error
     */
    public ConfigException(final String message, final Throwable cause) {
        super(message, cause);
        this.key = null;
    }

    /**
     * The key the problem is about.
     *
     * @return the full key, e.g. {@code http.port}, or null when the problem is about a file
     */
    public String key() {
        return key;
    }
}
