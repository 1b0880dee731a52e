package io.egostream.stream.http;

import io.egostream.config.HttpConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.kafka.streams.state.HostInfo;

/** This instance's Kafka Streams {@code application.server}: where the other instances reach its HTTP API. */
public final class ApplicationServer {

    private ApplicationServer() {}

    /**
     * The advertised host and the bound port: {@code http.advertised-host} when set; otherwise {@code http.host},
     * or this machine's host name when {@code http.host} binds every interface ({@code 0.0.0.0} or {@code ::}).
     *
     * @param http the {@code http} group
     * @param boundPort the port the server listens on
     * @return host and port
     */
    public static HostInfo of(final HttpConfig http, final int boundPort) {
        if (!http.advertisedHost().isEmpty()) {
            return new HostInfo(http.advertisedHost(), boundPort);
        }
        if (!"0.0.0.0".equals(http.host()) && !"::".equals(http.host())) {
            return new HostInfo(http.host(), boundPort);
        }
        try {
            return new HostInfo(InetAddress.getLocalHost().getHostName(), boundPort);
        } catch (UnknownHostException e) {
            return new HostInfo("localhost", boundPort);
        }
    }
}
