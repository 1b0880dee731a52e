package io.egostream.ingest.producer;

import java.util.Map;

/**
 * What a producer did: records handed to it, acknowledged by the brokers, failed (with the reasons).
 *
 * @param sent records handed to the producer
 * @param acknowledged records the brokers acknowledged
 * @param failed records that failed for good (after the producer's retries)
 * @param failuresByReason failed records per reason (exception class and message), in first-seen order
 */
public record SendReport(long sent, long acknowledged, long failed, Map<String, Long> failuresByReason) {

    /** Copies the map. */
    public SendReport {
        failuresByReason = Map.copyOf(failuresByReason);
    }

    /**
     * Records neither acknowledged nor failed yet.
     *
     * @return sent - acknowledged - failed
     */
    public long inFlight() {
        return sent - acknowledged - failed;
    }

    /**
     * One line for people.
     *
     * @return e.g. {@code 1200 sent, 1200 acknowledged, 0 failed}
     */
    public String summary() {
        final StringBuilder line = new StringBuilder().append(sent).append(" sent, ").append(acknowledged)
                .append(" acknowledged, ").append(failed).append(" failed");
        failuresByReason.forEach((reason, count) -> line.append("; ").append(count).append(" x ").append(reason));
        return line.toString();
    }
}
