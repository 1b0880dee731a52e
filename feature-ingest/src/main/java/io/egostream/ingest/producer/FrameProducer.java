package io.egostream.ingest.producer;

import io.egostream.ingest.camera.RecordSink;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.domain.CameraRecord;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends frame records to the frames topic: key = camera id, value = the frame wire format, record timestamp =
 * capture time. The producer is idempotent ({@code enable.idempotence=true}, {@code acks=all}), so retries
 * never duplicate or reorder a camera's frames. Every send is counted; every failure is counted by reason and
 * logged (the first of each reason at WARN), never dropped silently. Create the topic and wait for its
 * partition leaders before the first send (see the stream-app's {@code TopicAdmin}).
 */
public final class FrameProducer implements RecordSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrameProducer.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, Long> failures = new LinkedHashMap<>();

    /**
     * A producer over an existing Kafka producer (tests use a mock one).
     *
     * @param producer the Kafka producer; closed with this object
     * @param topic the frames topic
     */
    public FrameProducer(final Producer<String, byte[]> producer, final String topic) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * An idempotent producer for a cluster.
     *
     * @param bootstrapServers the brokers, host:port[,host:port...]
     * @param topic the frames topic
     * @param clientProps extra producer properties, applied last
     * @return the producer
     */
    public static FrameProducer create(final String bootstrapServers, final String topic,
            final Map<String, String> clientProps) {
        final Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "egostream-ingest");
        props.putAll(clientProps);
        final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer());
        // Fetch the topic's partition metadata before the first send (an idempotent producer's first batches to
        // a partition it has no metadata for yet can expire; see TopicAdmin in stream-app).
        producer.partitionsFor(topic);
        return new FrameProducer(producer, topic);
    }

    @Override
    public void send(final CameraRecord record) {
        final ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, null, record.captureTimeMs(),
                record.cameraId(), FeatureFrameCodec.encode(record));
        sendRaw(out);
    }

    /**
     * Sends a record as it is (e.g. deliberately malformed bytes), counted like any other.
     *
     * @param record the record
     */
    public void sendRaw(final ProducerRecord<String, byte[]> record) {
        sent.incrementAndGet();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    fail(error);
                }
            });
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(final Exception error) {
        failed.incrementAndGet();
        final String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        final boolean first;
        synchronized (failures) {
            first = !failures.containsKey(reason);
            failures.merge(reason, 1L, Long::sum);
        }
        if (first) {
            LOG.warn("frame send to {} failed: {}", topic, reason);
        }
    }

    /** Blocks until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /**
     * The counts so far.
     *
     * @return sent, acknowledged, failed and failures by reason
     */
    public SendReport report() {
        synchronized (failures) {
            return new SendReport(sent.get(), acknowledged.get(), failed.get(), new LinkedHashMap<>(failures));
        }
    }

    /** Flushes, then closes the Kafka producer (waiting at most 30 s). */
    @Override
    public void close() {
        try {
            producer.flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
    }
}
