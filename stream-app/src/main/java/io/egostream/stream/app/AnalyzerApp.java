package io.egostream.stream.app;

import io.egostream.config.EgoStreamConfig;
import io.egostream.stream.broker.TopicAdmin;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.http.AnalyzerHttpServer;
import io.egostream.stream.http.ApplicationServer;
import io.egostream.stream.http.DashboardApi;
import io.egostream.stream.inference.AnalyzerInference;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.metrics.KafkaStreamsMetrics;
import io.egostream.stream.query.CameraQueries;
import io.egostream.stream.search.LiveSearch;
import io.egostream.stream.search.SearchFanOut;
import io.egostream.stream.search.SearchRoutes;
import io.egostream.stream.search.StreamsSearchPeers;
import io.egostream.stream.topology.AnalyzerTopology;
import io.egostream.stream.topology.Topics;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running analyzer: creates the topics that are missing (waiting for their partition leaders), starts the HTTP
 * server (health, metrics, camera queries, the dashboard and its API), then Kafka Streams on
 * {@link AnalyzerTopology} with {@code application.server} = the advertised host and the bound port
 * ({@link ApplicationServer}; so instances find the owner of a camera for queries), and stops all of it on
 * {@link #close()} (dashboard and HTTP first, then Kafka Streams with a clean shutdown, then the model).
 */
public final class AnalyzerApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyzerApp.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaStreams streams;
    private final AnalyzerHttpServer http;
    private final DashboardApi dashboard;
    private final AnalyzerInference inference;
    private final AnalyzerMetrics metrics;
    private final LiveSearch search;
    private boolean closed;

    private AnalyzerApp(final KafkaStreams streams, final AnalyzerHttpServer http, final DashboardApi dashboard,
            final AnalyzerInference inference, final AnalyzerMetrics metrics, final LiveSearch search) {
        this.streams = streams;
        this.http = http;
        this.dashboard = dashboard;
        this.inference = inference;
        this.metrics = metrics;
        this.search = search;
    }

    /**
     * Starts the analyzer.
     *
     * @param config the configuration
     * @param bootstrapServers the brokers ({@code kafka.bootstrap-servers}, or the embedded broker's address)
     * @param inference the model port (closed with the app)
     * @param metrics the meters ({@code /metrics} serves their registry)
     * @param stateDir Kafka Streams state directory, or null for Kafka Streams' default
     * @return the running app
     */
    public static AnalyzerApp start(final EgoStreamConfig config, final String bootstrapServers,
            final AnalyzerInference inference, final AnalyzerMetrics metrics, final Path stateDir) {
        return start(config, bootstrapServers, inference, metrics, stateDir, null);
    }

    /**
     * Starts the analyzer, with live search ({@code GET /api/search} and the search indexer) when {@code search} is
     * given.
     *
     * @param config the configuration
     * @param bootstrapServers the brokers ({@code kafka.bootstrap-servers}, or the embedded broker's address)
     * @param inference the model port (closed with the app)
     * @param metrics the meters ({@code /metrics} serves their registry)
     * @param stateDir Kafka Streams state directory, or null for Kafka Streams' default
     * @param search the instance's search (closed with the app), or null for none
     * @return the running app
     */
    public static AnalyzerApp start(final EgoStreamConfig config, final String bootstrapServers,
            final AnalyzerInference inference, final AnalyzerMetrics metrics, final Path stateDir,
            final LiveSearch search) {
        try (Admin admin = Admin.create(StreamsProperties.admin(config, bootstrapServers))) {
            TopicAdmin.createAndAwaitLeaders(admin, Topics.from(config).newTopics(), TOPIC_TIMEOUT);
        }
        final AtomicReference<KafkaStreams> client = new AtomicReference<>();
        final AtomicReference<CameraQueries> queries = new AtomicReference<>();
        final DashboardApi dashboard = DashboardApi.create(config, bootstrapServers, metrics);
        final AtomicReference<HostInfo> me = new AtomicReference<>();
        final AnalyzerHttpServer http = AnalyzerHttpServer.start(config.http().host(), config.http().port(),
                () -> client.get() == null ? KafkaStreams.State.CREATED : client.get().state(),
                config.metrics().enabled() ? metrics : null, queries::get, (vertx, router) -> {
                    // Before the dashboard: its API answers every other /api/ path with 404.
                    if (search != null) {
                        final Duration peerTimeout = Duration.ofMillis(config.search().peerTimeoutMs());
                        new SearchRoutes(search, new SearchFanOut(search, new StreamsSearchPeers(client::get, me::get),
                                HttpClient.newBuilder().connectTimeout(peerTimeout).build(), peerTimeout))
                                .register(vertx, router);
                    }
                    dashboard.mount(vertx, router);
                });
        final KafkaStreams streams;
        try {
            final Properties props = StreamsProperties.streams(config, bootstrapServers);
            if (stateDir != null) {
                props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            }
            final HostInfo self = ApplicationServer.of(config.http(), http.port());
            me.set(self);
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
            streams = new KafkaStreams(AnalyzerTopology.build(config, inference, metrics, search), props);
            metrics.registry().register(new KafkaStreamsMetrics(streams::metrics, config.metrics().prefix()));
            streams.setUncaughtExceptionHandler(e -> {
                LOG.error("analyzer stream thread failed: {}", e.toString(), e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            client.set(streams);
            queries.set(new CameraQueries(streams, self));
            dashboard.attach(streams, self);
            streams.start();
        } catch (RuntimeException e) {
            dashboard.close();
            http.close();
            if (client.get() != null) {
                client.get().close(CLOSE_TIMEOUT);
            }
            throw e;
        }
        return new AnalyzerApp(streams, http, dashboard, inference, metrics, search);
    }

    /**
     * The HTTP port.
     *
     * @return the port the HTTP server listens on
     */
    public int httpPort() {
        return http.port();
    }

    /**
     * The Kafka Streams state.
     *
     * @return e.g. RUNNING
     */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * The meters.
     *
     * @return the analyzer's meters
     */
    public AnalyzerMetrics metrics() {
        return metrics;
    }

    /**
     * Waits until Kafka Streams is RUNNING.
     *
     * @param timeout how long to wait
     * @return true when running, false on timeout or when the client failed
     * @throws InterruptedException when interrupted
     */
    public boolean awaitRunning(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            final KafkaStreams.State s = streams.state();
            if (s == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING
                    || s == KafkaStreams.State.PENDING_ERROR) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Stops the HTTP server, Kafka Streams (clean shutdown: commits, flushes stores) and the model. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        dashboard.close();
        http.close();
        streams.close(CLOSE_TIMEOUT);
        inference.close();
        if (search != null) {
            search.close();
        }
    }

    /**
     * The search of this instance.
     *
     * @return the search, or null when search is off
     */
    public LiveSearch search() {
        return search;
    }
}
