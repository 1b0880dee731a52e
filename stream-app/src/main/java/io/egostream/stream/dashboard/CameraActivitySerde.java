package io.egostream.stream.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link CameraActivity} as JSON (store {@code camera-activity} and its changelog). */
public final class CameraActivitySerde implements Serde<CameraActivity> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public Serializer<CameraActivity> serializer() {
        return (topic, activity) -> {
            if (activity == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(activity);
            } catch (JsonProcessingException e) {
                throw new SerializationException("cannot write the activity of camera " + activity.cameraId(), e);
            }
        };
    }

    @Override
    public Deserializer<CameraActivity> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return JSON.readValue(bytes, CameraActivity.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new SerializationException("not a camera activity record: " + e.getMessage(), e);
            }
        };
    }
}
