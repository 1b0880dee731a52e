package io.egostream.stream.search;

import io.egostream.stream.topology.StoreNames;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link SearchPeers} from the Kafka Streams metadata of the {@code search-embeddings} store (each instance's
 * {@code application.server}); the camera id is the key of the frames topic, so its partition, and the instance
 * owning it, follow from the default partitioner.
 */
public final class StreamsSearchPeers implements SearchPeers {

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;

    /**
     * @param streams the client, or a supplier of null before it exists
     * @param self this instance's address, or a supplier of null before it is known
     */
    public StreamsSearchPeers(final Supplier<KafkaStreams> streams, final Supplier<HostInfo> self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public Optional<HostInfo> self() {
        return Optional.ofNullable(self.get());
    }

    @Override
    public Set<HostInfo> all() {
        final KafkaStreams s = streams.get();
        final Set<HostInfo> out = new LinkedHashSet<>();
        if (s == null) {
            return out;
        }
        for (final StreamsMetadata m : s.metadataForAllStreamsClients()) {
            if (m.stateStoreNames().contains(StoreNames.SEARCH_EMBEDDINGS)) {
                out.add(m.hostInfo());
            }
        }
        return out;
    }

    @Override
    public Optional<HostInfo> ownerOf(final String cameraId) {
        final KafkaStreams s = streams.get();
        if (s == null) {
            return Optional.empty();
        }
        final KeyQueryMetadata m = s.queryMetadataForKey(StoreNames.SEARCH_EMBEDDINGS, cameraId,
                Serdes.String().serializer());
        return m == null || KeyQueryMetadata.NOT_AVAILABLE.equals(m) ? Optional.empty()
                : Optional.of(m.activeHost());
    }
}
