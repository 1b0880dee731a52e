package io.egostream.stream.http;

import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.query.CameraQueries;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The analyzer's HTTP server:
 *
 * <pre>
 * GET /health   200 while the Kafka Streams client is CREATED, REBALANCING or RUNNING, else 503
 * GET /ready    200 when it is RUNNING (processing), else 503
 * GET /metrics  every meter in the Prometheus text format (404 when metrics.enabled is false)
 * GET /api/cameras/ID/state   a camera's bookkeeping (session, frames, what the model has taken), JSON
 * GET /api/cameras/ID/latest  a camera's latest event of each task, JSON
 * </pre>
 *
 * <p>Camera queries are answered by the instance that owns the camera; any other instance forwards them
 * ({@link CameraQueries}).
 *
 * <p>{@code /health} and {@code /ready} answer JSON {@code {"state": "RUNNING"}}. Further routes (the dashboard and
 * its API, {@link DashboardApi}) are added by the {@code extraRoutes} given to {@link #start}.
 */
public final class AnalyzerHttpServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Vertx vertx;
    private final HttpServer server;

    private AnalyzerHttpServer(final Vertx vertx, final HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Starts the server and waits until it listens.
     *
     * @param host address to bind
     * @param port port to bind, 0 for any free port
     * @param state the Kafka Streams state, read at each request
     * @param metrics the meters, or null when {@code /metrics} is off
     * @param queries the camera queries, or a supplier of null until Kafka Streams exists
     * @param extraRoutes adds more routes to the router, after the ones above
     * @return the running server
     * @throws IllegalStateException naming host and port when the server cannot listen
     */
    public static AnalyzerHttpServer start(final String host, final int port,
            final Supplier<KafkaStreams.State> state, final AnalyzerMetrics metrics,
            final Supplier<CameraQueries> queries, final BiConsumer<Vertx, Router> extraRoutes) {
        final Vertx vertx = Vertx.vertx();
        final Router router = Router.router(vertx);
        final Routes routes = new Routes(state, metrics, queries);
        router.get("/health").handler(routes::health);
        router.get("/ready").handler(routes::ready);
        router.get("/metrics").handler(routes::metrics);
        router.get("/api/cameras/:id/" + CameraQueries.STATE).blockingHandler(ctx -> routes.camera(ctx,
                CameraQueries.STATE));
        router.get("/api/cameras/:id/" + CameraQueries.LATEST).blockingHandler(ctx -> routes.camera(ctx,
                CameraQueries.LATEST));
        extraRoutes.accept(vertx, router);
        try {
            final HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new AnalyzerHttpServer(vertx, server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vertx.close();
            throw new IllegalStateException("interrupted while starting the HTTP server on " + host + ":" + port, e);
        } catch (ExecutionException | TimeoutException e) {
            vertx.close();
            final Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot start the HTTP server on " + host + ":" + port + " (http.host, "
                    + "http.port): " + cause.getMessage(), cause);
        }
    }

    /**
     * The port the server listens on.
     *
     * @return the bound port (the free one chosen when 0 was asked)
     */
    public int port() {
        return server.actualPort();
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The process is going away; nothing else holds the port.
        }
    }

    /** The route handlers. */
    private record Routes(Supplier<KafkaStreams.State> state, AnalyzerMetrics metrics,
            Supplier<CameraQueries> queries) {

        void camera(final RoutingContext ctx, final String what) {
            final CameraQueries q = queries.get();
            if (q == null) {
                ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .end("{\"error\": \"the analyzer is starting\"}\n");
                return;
            }
            final CameraQueries.Answer answer = q.answer(ctx.pathParam("id"), what,
                    "true".equals(ctx.request().getParam(CameraQueries.LOCAL_PARAMETER)));
            ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                    .end(answer.json() + "\n");
        }

        void health(final RoutingContext ctx) {
            final KafkaStreams.State s = state.get();
            final boolean alive = s == KafkaStreams.State.CREATED || s == KafkaStreams.State.REBALANCING
                    || s == KafkaStreams.State.RUNNING;
            json(ctx, alive ? 200 : 503, s);
        }

        void ready(final RoutingContext ctx) {
            final KafkaStreams.State s = state.get();
            json(ctx, s == KafkaStreams.State.RUNNING ? 200 : 503, s);
        }

        void metrics(final RoutingContext ctx) {
            if (metrics == null) {
                ctx.response().setStatusCode(404).end("metrics are disabled (metrics.enabled: false)\n");
                return;
            }
            ctx.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(metrics.scrape());
        }

        private static void json(final RoutingContext ctx, final int status, final KafkaStreams.State s) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end("{\"state\": \"" + s + "\"}\n");
        }
    }
}
