package io.egostream.stream.http;

import io.egostream.stream.dashboard.CameraActivity;
import io.egostream.stream.dashboard.DashboardTopology;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** This instance's dashboard stores, read-only (interactive queries over the active tasks). */
public interface DashboardStores {

    /**
     * The {@code camera-activity} store.
     *
     * @return its read-only view
     * @throws UnavailableException while it cannot be read
     */
    ReadOnlyKeyValueStore<String, CameraActivity> activities();

    /**
     * The {@code camera-timeline} store.
     *
     * @return its read-only view
     * @throws UnavailableException while it cannot be read
     */
    ReadOnlyKeyValueStore<Bytes, byte[]> timeline();

    /**
     * The stores of a Kafka Streams client.
     *
     * @param streams the client, or null before it exists
     * @return the stores (each call asks the client again, so a rebalance is followed)
     */
    static DashboardStores of(final Supplier<KafkaStreams> streams) {
        return new DashboardStores() {
            @Override
            public ReadOnlyKeyValueStore<String, CameraActivity> activities() {
                return store(streams, DashboardTopology.ACTIVITY_STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<Bytes, byte[]> timeline() {
                return store(streams, DashboardTopology.TIMELINE_STORE);
            }
        };
    }

    private static <K, V> ReadOnlyKeyValueStore<K, V> store(final Supplier<KafkaStreams> streams, final String name) {
        final KafkaStreams client = streams.get();
        if (client == null) {
            throw new UnavailableException("the analyzer is starting; store " + name + " is not open yet", null);
        }
        try {
            return client.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<K, V>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new UnavailableException("store " + name + " cannot be read now (Kafka Streams state "
                    + client.state() + "): " + e.getMessage(), e);
        }
    }
}
