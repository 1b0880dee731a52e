package io.egostream.config;

import java.util.List;

/**
 * Group {@code http}: the analyzer's HTTP server ({@code /health}, {@code /ready}, {@code /metrics}).
 *
 * @param host address to bind
 * @param port port to bind; 0 = any free port (the app prints the one it got)
 */
public record HttpConfig(String host, int port) {

    /** {@code http.host}. */
    public static final ConfigKey HOST = ConfigKey.ofString("http.host", "[^\\s]{1,253}",
            "a host name or IP address", "Address the HTTP server binds; 0.0.0.0 for every interface.");
    /** {@code http.port}. */
    public static final ConfigKey PORT = ConfigKey.ofInt("http.port", 0, 65_535,
            "Port of the HTTP server; 0 binds any free port (the app prints the one it got).");

    /** Validates both fields. */
    public HttpConfig {
        HOST.require(host);
        PORT.require(port);
    }

    static List<ConfigKey> keys() {
        return List.of(HOST, PORT);
    }

    static HttpConfig from(final ConfigValues v) {
        return new HttpConfig(v.string(HOST), v.intValue(PORT));
    }
}
