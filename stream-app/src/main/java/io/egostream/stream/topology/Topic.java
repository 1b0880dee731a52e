package io.egostream.stream.topology;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka topic with the serdes of its key and value, so no call site picks a serde.
 *
 * @param name the topic name
 * @param keySerde serde of the record key
 * @param valueSerde serde of the record value
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** Checks every field is present. */
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /**
     * How Kafka Streams reads the topic.
     *
     * @return {@code Consumed.with(keySerde, valueSerde)}
     */
    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    /**
     * How Kafka Streams writes the topic.
     *
     * @return {@code Produced.with(keySerde, valueSerde)}
     */
    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }
}
