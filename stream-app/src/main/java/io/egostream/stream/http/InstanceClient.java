package io.egostream.stream.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another analyzer instance's instance-local API ({@code /api/internal/...}). */
public final class InstanceClient {

    private static final long TIMEOUT_MS = 5_000;

    private final HttpClient http;

    /**
     * @param http the Vert.x HTTP client
     */
    public InstanceClient(final HttpClient http) {
        this.http = http;
    }

    /**
     * GETs a path; fails with {@link UnavailableException} unless the answer is 200 or 404 within
     * {@value #TIMEOUT_MS} ms.
     *
     * @param host the instance ({@code application.server})
     * @param uri path and query
     * @return status and body
     */
    public Future<Answer> get(final HostInfo host, final String uri) {
        final RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host.host())
                .setPort(host.port()).setURI(uri).setTimeout(TIMEOUT_MS);
        return http.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> new Answer(resp.statusCode(), body.toString())))
                .transform(done -> {
                    if (done.failed()) {
                        return Future.failedFuture(new UnavailableException("instance " + name(host)
                                + " did not answer " + uri + ": " + done.cause().getMessage(), done.cause()));
                    }
                    final Answer r = done.result();
                    if (r.status() != 200 && r.status() != 404) {
                        return Future.failedFuture(new UnavailableException("instance " + name(host) + " answered "
                                + r.status() + " to " + uri + ": " + r.body(), null));
                    }
                    return Future.succeededFuture(r);
                });
    }

    /**
     * An instance as the API names it.
     *
     * @param host the instance
     * @return {@code host:port}
     */
    public static String name(final HostInfo host) {
        return host.host() + ":" + host.port();
    }

    /**
     * An instance's answer.
     *
     * @param status 200 or 404
     * @param body the body
     */
    public record Answer(int status, String body) {}
}
