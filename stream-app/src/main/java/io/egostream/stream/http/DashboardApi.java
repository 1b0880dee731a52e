package io.egostream.stream.http;

import io.egostream.config.EgoStreamConfig;
import io.egostream.model.domain.Task;
import io.egostream.stream.config.StreamsProperties;
import io.egostream.stream.dashboard.CameraActivity;
import io.egostream.stream.dashboard.DashboardSettings;
import io.egostream.stream.dashboard.OperationsMeters;
import io.egostream.stream.dashboard.SystemSampler;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.Topics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The live dashboard ({@code /}, static files from the jar's {@code webroot/}) and its API ({@link ApiRoutes}) on
 * the analyzer's HTTP server, and the meters they add ({@link OperationsMeters}). Made in three steps because
 * {@code application.server} needs the bound port: {@link #create} before the server, {@link #mount} while it
 * starts, {@link #attach} once Kafka Streams exists. Until then the API answers 503.
 */
public final class DashboardApi implements AutoCloseable {

    /** Samples per system window (one a second). */
    public static final int WINDOW_SAMPLES = 10;

    private final Properties clientProps;
    private final Topics topics;
    private final DashboardSettings settings;
    private final SystemSampler sampler;
    private volatile KafkaStreams streams;
    private volatile HostInfo self = new HostInfo("unknown", 0);
    private Vertx vertx;
    private long samplerTimer = -1;
    private EventFeed feed;

    private DashboardApi(final Properties clientProps, final Topics topics, final DashboardSettings settings,
            final SystemSampler sampler) {
        this.clientProps = clientProps;
        this.topics = topics;
        this.settings = settings;
        this.sampler = sampler;
    }

    /**
     * Prepares the dashboard and registers its meters.
     *
     * @param config the configuration
     * @param bootstrapServers the brokers
     * @param metrics the analyzer's meters (their registry gets {@link OperationsMeters})
     * @return the dashboard, not yet mounted
     */
    public static DashboardApi create(final EgoStreamConfig config, final String bootstrapServers,
            final AnalyzerMetrics metrics) {
        final Topics topics = Topics.from(config);
        final DashboardSettings settings = DashboardSettings.from(config);
        final Map<String, Task> taskByTopic = new HashMap<>();
        for (final Task task : Task.values()) {
            taskByTopic.put(topics.events(task).name(), task);
        }
        final SystemSampler sampler = new SystemSampler(metrics.registry(), config.metrics().prefix(), taskByTopic,
                WINDOW_SAMPLES);
        final DashboardApi api = new DashboardApi(StreamsProperties.admin(config, bootstrapServers), topics,
                settings, sampler);
        final DashboardStores stores = DashboardStores.of(api::streams);
        final Supplier<ReadOnlyKeyValueStore<String, CameraActivity>> activities = () -> {
            try {
                return stores.activities();
            } catch (UnavailableException e) {
                return null;
            }
        };
        OperationsMeters.register(metrics.registry(), config.metrics().prefix(), api::streams, topics, activities,
                settings);
        return api;
    }

    /**
     * Adds the dashboard and the API to the server's router and starts sampling the meters once a second.
     *
     * @param serverVertx the server's Vert.x
     * @param router its router
     */
    public synchronized void mount(final Vertx serverVertx, final Router router) {
        this.vertx = serverVertx;
        final InstanceClient client = new InstanceClient(serverVertx.createHttpClient());
        final CameraDirectory local = new LocalCameraDirectory(serverVertx, DashboardStores.of(this::streams),
                settings, () -> InstanceClient.name(self), System::currentTimeMillis);
        final CameraDirectory cluster = new ClusterCameraDirectory(this::streams, this::self, local, client);
        new ApiRoutes(cluster, local, new ClusterSystem(sampler, this::streams, this::self, client),
                new EventStreamHandler(cluster)).mount(router);
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        sampler.sample(System.currentTimeMillis());
        samplerTimer = serverVertx.setPeriodic(1_000, id -> sampler.sample(System.currentTimeMillis()));
    }

    /**
     * Connects the API to Kafka Streams and starts the live event feed.
     *
     * @param kafkaStreams the analyzer's client (its {@code application.server} is {@code server})
     * @param server this instance's {@code application.server}
     * @throws IllegalStateException before {@link #mount}
     */
    public synchronized void attach(final KafkaStreams kafkaStreams, final HostInfo server) {
        if (vertx == null) {
            throw new IllegalStateException("mount the dashboard on the HTTP server before attaching Kafka Streams");
        }
        this.streams = kafkaStreams;
        this.self = server;
        final List<String> eventTopics = new ArrayList<>();
        for (final Task task : Task.values()) {
            eventTopics.add(topics.events(task).name());
        }
        this.feed = EventFeed.start(vertx, clientProps, eventTopics);
    }

    /** Stops the live event feed and the sampling. */
    @Override
    public synchronized void close() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        if (vertx != null && samplerTimer >= 0) {
            vertx.cancelTimer(samplerTimer);
            samplerTimer = -1;
        }
    }

    private KafkaStreams streams() {
        return streams;
    }

    private HostInfo self() {
        return self;
    }
}
