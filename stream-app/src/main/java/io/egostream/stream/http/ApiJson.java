package io.egostream.stream.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The API's JSON: values written with one mapper, events passed through as the JSON of their topics. */
public final class ApiJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ApiJson() {}

    /**
     * A value as JSON.
     *
     * @param value a record, map or list
     * @return its JSON, one line
     */
    public static String write(final Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads JSON another instance wrote.
     *
     * @param json the text
     * @param type what it holds
     * @param <T> the type
     * @return the value
     * @throws UncheckedIOException when the text is not such JSON
     */
    public static <T> T read(final String json, final Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + " in JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The body of {@code GET /api/cameras/{id}/events}: {@code {"cameraId": ..., "events": [...]}}.
     *
     * @param cameraId the camera
     * @param events each event's JSON
     * @return the body
     */
    public static String events(final String cameraId, final List<String> events) {
        return "{\"cameraId\":" + write(cameraId) + ",\"events\":[" + String.join(",", events) + "]}";
    }

    /**
     * The events of an events body, each as its JSON text.
     *
     * @param body a body made by {@link #events}
     * @return the events' JSON
     */
    public static List<String> eventsOf(final String body) {
        try {
            final List<String> events = new ArrayList<>();
            for (final JsonNode event : JSON.readTree(body).path("events")) {
                events.add(JSON.writeValueAsString(event));
            }
            return events;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not an events body: " + e.getOriginalMessage(), e);
        }
    }
}
