package io.egostream.model.codec;

import io.egostream.model.domain.CameraRecord;
import java.util.Arrays;
import java.util.Objects;

/**
 * What decoding one frames-topic record gave: the record, or the reason it was refused.
 * {@link FeatureFrameCodec#decode} never throws; callers branch on the two cases.
 */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Rejected {

    /**
     * Whether decoding succeeded.
     *
     * @return true for {@link Decoded}
     */
    boolean isDecoded();

    /**
     * A record that decoded and passed every check.
     *
     * @param record the frame or end-of-stream marker
     */
    record Decoded(CameraRecord record) implements DecodeResult {
        /** Checks the record is present. */
        public Decoded {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public boolean isDecoded() {
            return true;
        }
    }

    /**
     * A refused record.
     *
     * @param reason why it was refused
     * @param detail a sentence naming the bad value, for logs and the dead-letter header
     * @param payload the original bytes exactly as received (null for a null Kafka value); kept so the
     *     record can go to the dead-letter topic unchanged
     */
    record Rejected(RejectReason reason, String detail, byte[] payload) implements DecodeResult {
        /** Checks reason and detail are present. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isDecoded() {
            return false;
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof Rejected that
                    && reason == that.reason
                    && detail.equals(that.detail)
                    && Arrays.equals(payload, that.payload);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reason, detail) * 31 + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Rejected[reason=" + reason + ", detail=" + detail + ", payloadBytes="
                    + (payload == null ? "null" : String.valueOf(payload.length)) + "]";
        }
    }
}
