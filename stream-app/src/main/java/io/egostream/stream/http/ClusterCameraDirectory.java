package io.egostream.stream.http;

import io.egostream.stream.dashboard.DashboardTopology;
import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Every instance's cameras. A camera's owner is the instance whose active task holds its partition
 * ({@code queryMetadataForKey} over {@code application.server}); this instance answers from its own stores and asks
 * any other over HTTP ({@code /api/internal/...}, answered from that instance's stores only). The camera list asks
 * every instance that hosts the stores and merges their answers.
 */
public final class ClusterCameraDirectory implements CameraDirectory {

    /** Path prefix of the instance-local API the instances call on each other. */
    public static final String INTERNAL = "/api/internal";
    private static final StringSerializer KEYS = new StringSerializer();

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final CameraDirectory local;
    private final InstanceClient client;

    /**
     * @param streams the Kafka Streams client (null before it exists)
     * @param self this instance's {@code application.server} (known once the server listens)
     * @param local this instance's own cameras
     * @param client asks the other instances
     */
    public ClusterCameraDirectory(final Supplier<KafkaStreams> streams, final Supplier<HostInfo> self,
            final CameraDirectory local, final InstanceClient client) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.client = client;
    }

    @Override
    public Future<CameraList> cameras() {
        final KafkaStreams kafka = streams.get();
        final Collection<StreamsMetadata> hosts = kafka == null ? List.of()
                : kafka.streamsMetadataForStore(DashboardTopology.ACTIVITY_STORE);
        if (hosts.isEmpty()) {
            return local.cameras();
        }
        final List<Future<CameraList>> answers = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final StreamsMetadata host : hosts) {
            final HostInfo info = host.hostInfo();
            names.add(InstanceClient.name(info));
            answers.add(info.equals(self.get()) ? local.cameras()
                    : client.get(info, INTERNAL + "/cameras").map(r -> ApiJson.read(r.body(), CameraList.class)));
        }
        return Future.join(answers).transform(done -> {
            final Map<String, CameraView> byId = new LinkedHashMap<>();
            final List<String> unreachable = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).failed()) {
                    unreachable.add(names.get(i));
                    continue;
                }
                for (final CameraView camera : answers.get(i).result().cameras()) {
                    byId.merge(camera.cameraId(), camera, (a, b) -> a.lastSeenMs() >= b.lastSeenMs() ? a : b);
                }
            }
            final List<CameraView> cameras = new ArrayList<>(byId.values());
            cameras.sort(Comparator.comparing(CameraView::cameraId));
            return Future.succeededFuture(new CameraList(cameras, names, unreachable));
        });
    }

    @Override
    public Future<Optional<CameraView>> camera(final String cameraId) {
        return route(cameraId, d -> d.camera(cameraId), "/cameras/" + encode(cameraId),
                body -> ApiJson.read(body, CameraView.class));
    }

    @Override
    public Future<Optional<List<String>>> events(final String cameraId, final EventQuery query) {
        return route(cameraId, d -> d.events(cameraId, query),
                "/cameras/" + encode(cameraId) + "/events?" + query.toQueryString(), ApiJson::eventsOf);
    }

    private <T> Future<Optional<T>> route(final String cameraId, final Function<CameraDirectory,
            Future<Optional<T>>> locally, final String path, final Function<String, T> parse) {
        final KafkaStreams kafka = streams.get();
        if (kafka == null) {
            return Future.failedFuture(new UnavailableException("the analyzer is starting", null));
        }
        final KeyQueryMetadata owner = kafka.queryMetadataForKey(DashboardTopology.ACTIVITY_STORE, cameraId, KEYS);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            return Future.failedFuture(new UnavailableException("no instance owns camera '" + cameraId
                    + "' now (Kafka Streams state " + kafka.state() + ")", null));
        }
        if (owner.activeHost().equals(self.get())) {
            return locally.apply(local);
        }
        return client.get(owner.activeHost(), INTERNAL + path).map(r -> r.status() == 404 ? Optional.<T>empty()
                : Optional.of(parse.apply(r.body())));
    }

    private static String encode(final String cameraId) {
        return URLEncoder.encode(cameraId, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
