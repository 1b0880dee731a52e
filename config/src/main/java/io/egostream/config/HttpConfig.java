package io.egostream.config;

import java.util.List;

/**
 * Group {@code http}: the analyzer's HTTP server ({@code /health}, {@code /ready}, {@code /metrics}, the dashboard
 * and its API).
 *
 * @param host address to bind
 * @param port port to bind; 0 = any free port (the app prints the one it got)
 * @param advertisedHost the host name other analyzer instances use to reach this one (Kafka Streams
 *     {@code application.server} is this host and the bound port); empty = {@code host}, or this machine's host
 *     name when {@code host} binds every interface
 */
public record HttpConfig(String host, int port, String advertisedHost) {

    /** {@code http.host}. */
    public static final ConfigKey HOST = ConfigKey.ofString("http.host", "[^\\s]{1,253}",
            "a host name or IP address", "Address the HTTP server binds; 0.0.0.0 for every interface.");
    /** {@code http.port}. */
    public static final ConfigKey PORT = ConfigKey.ofInt("http.port", 0, 65_535,
            "Port of the HTTP server; 0 binds any free port (the app prints the one it got).");
    /** {@code http.advertised-host}. */
    public static final ConfigKey ADVERTISED_HOST = ConfigKey.ofString("http.advertised-host", "|[^\\s:/]{1,253}",
            "empty, or a host name or IP address without port",
            "Host name other analyzer instances use to reach this one's HTTP server (Kafka Streams "
                    + "application.server = this host and the bound port); empty = http.host, or this machine's "
                    + "host name when http.host is 0.0.0.0.");

    /** Validates every field. */
    public HttpConfig {
        HOST.require(host);
        PORT.require(port);
        ADVERTISED_HOST.require(advertisedHost);
    }

    static List<ConfigKey> keys() {
        return List.of(HOST, PORT, ADVERTISED_HOST);
    }

    static HttpConfig from(final ConfigValues v) {
        return new HttpConfig(v.string(HOST), v.intValue(PORT), v.string(ADVERTISED_HOST));
    }
}
