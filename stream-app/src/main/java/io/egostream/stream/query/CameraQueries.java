package io.egostream.stream.query;

import io.egostream.stream.processor.CameraState;
import io.egostream.stream.topology.StoreNames;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers {@code GET /api/cameras/ID/state} and {@code GET /api/cameras/ID/latest} from the analyzer's stores. The camera
 * id is the key of the frames topic, so one instance owns it; Kafka Streams' metadata ({@code application.server}
 * of every instance) says which. The owner answers from its local stores; any other instance forwards the request
 * to the owner's HTTP server and relays the answer.
 */
public final class CameraQueries {

    /** Path segment of a camera's bookkeeping. */
    public static final String STATE = "state";
    /** Path segment of a camera's latest event of each task. */
    public static final String LATEST = "latest";

    /** Query parameter that marks a forwarded request (answered locally, never forwarded again). */
    public static final String LOCAL_PARAMETER = "local";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param streams the running Kafka Streams client
     * @param self this instance's {@code application.server}
     */
    public CameraQueries(final KafkaStreams streams, final HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, String json) {}

    /**
     * A camera's state or latest events, from whichever instance owns it.
     *
     * @param cameraId the camera
     * @param what {@link #STATE} or {@link #LATEST}
     * @param local whether the request was forwarded here (answer locally)
     * @return the answer: 200 with JSON, 404 when the camera is unknown, 503 while the owner is unknown
     */
    public Answer answer(final String cameraId, final String what, final boolean local) {
        final KeyQueryMetadata meta = streams.queryMetadataForKey(StoreNames.CAMERA_SESSIONS, cameraId,
                Serdes.String().serializer());
        if (!local && meta != null && meta.activeHost() != null && !meta.activeHost().equals(HostInfo.unavailable())
                && !meta.activeHost().equals(self)) {
            return forward(meta.activeHost(), cameraId, what);
        }
        try {
            return STATE.equals(what) ? localState(cameraId) : localEvents(cameraId);
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            return new Answer(503, error("the stores are not queryable now (" + e.getMessage() + "); retry"));
        }
    }

    private Answer localState(final String cameraId) {
        final ReadOnlyKeyValueStore<String, CameraState> store = streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.CAMERA_SESSIONS, QueryableStoreTypes.<String, CameraState>keyValueStore()));
        final Optional<CameraState> state = Optional.ofNullable(store.get(cameraId));
        if (state.isEmpty()) {
            return new Answer(404, error("camera '" + cameraId + "' has no open session on this analyzer"));
        }
        final CameraState s = state.get();
        final Map<String, Object> json = new LinkedHashMap<>();
        json.put("cameraId", cameraId);
        json.put("sessionId", s.sessionId());
        json.put("firstFrame", s.baseIndex());
        json.put("lastFrame", s.lastIndex());
        json.put("lastCaptureTimeMs", s.lastCaptureMs());
        json.put("framesStored", s.lastIndex() - s.firstRetained() + 1);
        json.put("nextFrameForModel", s.nextForInference());
        json.put("closing", s.closed());
        json.put("pendingMomentSequence", s.momentSeq());
        json.put("servedBy", self.host() + ":" + self.port());
        return new Answer(200, Json.write(json));
    }

    private Answer localEvents(final String cameraId) {
        final ReadOnlyKeyValueStore<String, String> store = streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.LATEST_EVENTS, QueryableStoreTypes.<String, String>keyValueStore()));
        final List<String> events = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(cameraId + "\u0000", cameraId + "\u0001")) {
            while (it.hasNext()) {
                final KeyValue<String, String> kv = it.next();
                events.add(kv.value);
            }
        }
        if (events.isEmpty()) {
            return new Answer(404, error("camera '" + cameraId + "' has no events on this analyzer"));
        }
        return new Answer(200, "{\"cameraId\": " + Json.write(cameraId) + ", \"servedBy\": "
                + Json.write(self.host() + ":" + self.port()) + ", \"latest\": [" + String.join(", ", events)
                + "]}");
    }

    private Answer forward(final HostInfo owner, final String cameraId, final String what) {
        final URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/api/cameras/"
                + URLEncoder.encode(cameraId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + what + "?"
                + LOCAL_PARAMETER + "=true");
        try {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(502, error("the analyzer owning camera '" + cameraId + "' at " + owner.host() + ":"
                    + owner.port() + " did not answer: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, error("interrupted"));
        }
    }

    private static String error(final String message) {
        return Json.write(Map.of("error", message));
    }
}
