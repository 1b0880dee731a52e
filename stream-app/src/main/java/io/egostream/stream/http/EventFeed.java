package io.egostream.stream.http;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.stream.serde.AnalyzerEventSerde;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live events of every camera, for the push channel: one consumer per instance, without a consumer group,
 * assigned every partition of the five event topics from their end, reading committed events only
 * ({@code read_committed}, so a subscriber sees exactly what a downstream consumer sees). Each event is published on
 * the local Vert.x event bus at {@link #ADDRESS} as its JSON, with headers {@code camera}, {@code task} and
 * {@code status}.
 */
public final class EventFeed implements AutoCloseable {

    /** Event bus address of the live events. */
    public static final String ADDRESS = "egostream.events";

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

    private final Vertx vertx;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final Thread thread;
    private volatile boolean running = true;

    private EventFeed(final Vertx vertx, final KafkaConsumer<String, byte[]> consumer, final List<String> topics) {
        this.vertx = vertx;
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.thread = new Thread(this::run, "egostream-event-feed");
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading.
     *
     * @param vertx whose event bus to publish on
     * @param clientProps Kafka client properties (brokers, security); group and isolation are set here
     * @param topics the event topics
     * @return the running feed
     */
    public static EventFeed start(final Vertx vertx, final Properties clientProps, final List<String> topics) {
        final Properties props = new Properties();
        props.putAll(clientProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "egostream-event-feed");
        final EventFeed feed = new EventFeed(vertx, new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()), topics);
        feed.thread.start();
        return feed;
    }

    private void run() {
        try {
            final List<TopicPartition> partitions = new ArrayList<>();
            for (final String topic : topics) {
                for (final PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(60))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (running) {
                for (final ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    publish(r);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.warn("live event feed woken up while running", e);
            }
        } catch (RuntimeException e) {
            LOG.error("live event feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void publish(final ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        final String json = new String(r.value(), StandardCharsets.UTF_8);
        final AnalyzerEvent event;
        try {
            event = AnalyzerEventSerde.fromJson(json);
        } catch (SerializationException e) {
            LOG.warn("live event feed skips a record of {} that is not an event: {}", r.topic(), e.getMessage());
            return;
        }
        vertx.eventBus().publish(ADDRESS, json, new DeliveryOptions()
                .addHeader("camera", event.cameraId())
                .addHeader("task", event.task().name())
                .addHeader("status", event.status().name()));
    }

    /** Stops reading and closes the consumer. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
