package io.egostream.stream.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.egostream.model.domain.AnalyzerEvent;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde of the output topics: an {@link AnalyzerEvent} as UTF-8 JSON (shape: {@link AnalyzerEventJson}).
 * The deserializer is strict (unknown fields, missing required fields and invalid values are refused) and
 * wraps every problem in a {@link SerializationException}, as Kafka serdes do.
 */
public final class AnalyzerEventSerde implements Serde<AnalyzerEvent> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    /**
     * Writes an event as JSON text.
     *
     * @param event the event
     * @return its JSON, one line
     */
    public static String toJson(final AnalyzerEvent event) {
        try {
            return JSON.writeValueAsString(AnalyzerEventJson.of(event));
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write event of camera " + event.cameraId() + " as JSON", e);
        }
    }

    /**
     * Reads an event from JSON text.
     *
     * @param json the JSON of one event
     * @return the event
     * @throws SerializationException naming the problem when the JSON is not a valid event
     */
    public static AnalyzerEvent fromJson(final String json) {
        try {
            return JSON.readValue(json, AnalyzerEventJson.class).toEvent();
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new SerializationException("not a valid analyzer event: " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<AnalyzerEvent> serializer() {
        return (topic, event) -> {
            if (event == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(AnalyzerEventJson.of(event));
            } catch (JsonProcessingException e) {
                throw new SerializationException("cannot write event for topic " + topic + " as JSON", e);
            }
        };
    }

    @Override
    public Deserializer<AnalyzerEvent> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return JSON.readValue(bytes, AnalyzerEventJson.class).toEvent();
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                throw new SerializationException("record of topic " + topic + " is not a valid analyzer event: "
                        + e.getMessage(), e);
            }
        };
    }
}
