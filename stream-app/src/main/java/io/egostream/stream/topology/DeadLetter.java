package io.egostream.stream.topology;

import io.egostream.model.codec.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Why and from where a frame went to the dead-letter topic. A dead-letter record keeps the original key and
 * value bytes unchanged; this record travels in its headers, each a UTF-8 string:
 *
 * <pre>
 * egostream.dlq.reason            RejectReason name, e.g. NON_FINITE
 * egostream.dlq.detail            a sentence naming the bad value
 * egostream.dlq.source.topic      topic the frame was read from
 * egostream.dlq.source.partition  its partition, decimal
 * egostream.dlq.source.offset     its offset, decimal
 * </pre>
 *
 * @param reason why the frame was refused
 * @param detail a sentence naming the bad value
 * @param sourceTopic the topic the frame was read from
 * @param sourcePartition its partition, &gt;= 0
 * @param sourceOffset its offset, &gt;= 0
 */
public record DeadLetter(RejectReason reason, String detail, String sourceTopic, int sourcePartition,
        long sourceOffset) {

    /** Header of the reason. */
    public static final String REASON_HEADER = "egostream.dlq.reason";
    /** Header of the detail sentence. */
    public static final String DETAIL_HEADER = "egostream.dlq.detail";
    /** Header of the source topic. */
    public static final String SOURCE_TOPIC_HEADER = "egostream.dlq.source.topic";
    /** Header of the source partition. */
    public static final String SOURCE_PARTITION_HEADER = "egostream.dlq.source.partition";
    /** Header of the source offset. */
    public static final String SOURCE_OFFSET_HEADER = "egostream.dlq.source.offset";

    /** Validates every field. */
    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        if (sourcePartition < 0 || sourceOffset < 0) {
            throw new IllegalArgumentException("source partition " + sourcePartition + " and offset "
                    + sourceOffset + " must be >= 0");
        }
    }

    /**
     * Writes the five headers (replacing any of the same name).
     *
     * @param headers the headers of the dead-letter record
     * @return the same headers
     */
    public Headers writeTo(final Headers headers) {
        put(headers, REASON_HEADER, reason.name());
        put(headers, DETAIL_HEADER, detail);
        put(headers, SOURCE_TOPIC_HEADER, sourceTopic);
        put(headers, SOURCE_PARTITION_HEADER, Integer.toString(sourcePartition));
        put(headers, SOURCE_OFFSET_HEADER, Long.toString(sourceOffset));
        return headers;
    }

    /**
     * The five headers as a new header set.
     *
     * @return headers holding this dead letter
     */
    public Headers toHeaders() {
        return writeTo(new RecordHeaders());
    }

    /**
     * Reads the headers of a dead-letter record.
     *
     * @param headers its headers
     * @return the dead letter
     * @throws IllegalArgumentException naming the header that is missing or invalid
     */
    public static DeadLetter readFrom(final Headers headers) {
        final String reason = get(headers, REASON_HEADER);
        try {
            return new DeadLetter(RejectReason.valueOf(reason), get(headers, DETAIL_HEADER),
                    get(headers, SOURCE_TOPIC_HEADER), Integer.parseInt(get(headers, SOURCE_PARTITION_HEADER)),
                    Long.parseLong(get(headers, SOURCE_OFFSET_HEADER)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dead-letter headers are invalid: " + e.getMessage(), e);
        }
    }

    private static void put(final Headers headers, final String name, final String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(final Headers headers, final String name) {
        final Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("dead-letter header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
