package io.egostream.stream.processor;

import io.egostream.model.codec.RejectReason;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.topology.DeadLetter;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a refused record to the dead-letter sink: original key and bytes, the {@link DeadLetter} headers
 * (reason, detail, source topic/partition/offset), a WARN log line and the reason's counter.
 */
final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String sinkName;
    private final AnalyzerMetrics metrics;

    DeadLetters(final String sinkName, final AnalyzerMetrics metrics) {
        this.sinkName = sinkName;
        this.metrics = metrics;
    }

    void send(final ProcessorContext<String, Object> context, final Record<String, ?> source,
            final RejectReason reason, final String detail, final byte[] payload) {
        final Optional<RecordMetadata> meta = context.recordMetadata();
        final String topic = meta.map(RecordMetadata::topic).orElse("unknown");
        final int partition = meta.map(RecordMetadata::partition).orElse(0);
        final long offset = meta.map(RecordMetadata::offset).orElse(0L);
        final DeadLetter letter = new DeadLetter(reason, detail, topic, partition, Math.max(0, offset));
        LOG.warn("Refusing frame record: reason={} topic=[{}] partition=[{}] offset=[{}]: {}", reason, topic,
                partition, offset, detail);
        context.forward(new Record<String, Object>(source.key(), payload, source.timestamp(), letter.toHeaders()),
                sinkName);
        metrics.frameDeadLettered(reason);
    }
}
