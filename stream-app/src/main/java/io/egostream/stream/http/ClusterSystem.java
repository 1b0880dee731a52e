package io.egostream.stream.http;

import io.egostream.stream.dashboard.SystemSampler;
import io.egostream.stream.dashboard.SystemView;
import io.egostream.stream.dashboard.SystemWindow;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The system panel over every instance of the application: this instance's sampler, and each other instance's
 * window fetched from its {@code /api/internal/system}; the instances are the Kafka Streams clients of the
 * application id that advertise an {@code application.server}.
 */
public final class ClusterSystem implements SystemSource {

    private final SystemSampler sampler;
    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final InstanceClient client;

    /**
     * @param sampler this instance's sampler
     * @param streams the Kafka Streams client (null before it exists)
     * @param self this instance's {@code application.server} (known once the server listens)
     * @param client asks the other instances
     */
    public ClusterSystem(final SystemSampler sampler, final Supplier<KafkaStreams> streams,
            final Supplier<HostInfo> self, final InstanceClient client) {
        this.sampler = sampler;
        this.streams = streams;
        this.self = self;
        this.client = client;
    }

    @Override
    public SystemWindow local() {
        return sampler.window();
    }

    @Override
    public Future<SystemView> cluster() {
        final KafkaStreams kafka = streams.get();
        final Collection<StreamsMetadata> all = kafka == null ? List.of() : kafka.metadataForAllStreamsClients();
        final List<HostInfo> others = new ArrayList<>();
        for (final StreamsMetadata m : all) {
            if (!m.hostInfo().equals(self.get())) {
                others.add(m.hostInfo());
            }
        }
        final List<Future<SystemWindow>> answers = new ArrayList<>();
        for (final HostInfo host : others) {
            answers.add(client.get(host, ClusterCameraDirectory.INTERNAL + "/system")
                    .map(r -> ApiJson.read(r.body(), SystemWindow.class)));
        }
        return Future.join(answers).transform(done -> {
            SystemWindow total = sampler.window();
            final List<String> unreachable = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).succeeded()) {
                    total = total.plus(answers.get(i).result());
                } else {
                    unreachable.add(InstanceClient.name(others.get(i)));
                }
            }
            return Future.succeededFuture(SystemView.of(total, unreachable));
        });
    }
}
