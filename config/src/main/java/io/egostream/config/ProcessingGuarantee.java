package io.egostream.config;

import java.util.Locale;

/** Kafka Streams processing guarantees the analyzer supports. */
public enum ProcessingGuarantee {
    /** Records may be processed twice after a failure. */
    AT_LEAST_ONCE,
    /** Transactions: every committed output exactly once (Kafka's {@code exactly_once_v2}). */
    EXACTLY_ONCE_V2;

    /**
     * The value of Kafka Streams' {@code processing.guarantee}.
     *
     * @return {@code at_least_once} or {@code exactly_once_v2}
     */
    public String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
