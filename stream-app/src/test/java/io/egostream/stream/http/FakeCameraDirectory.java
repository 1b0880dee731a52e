package io.egostream.stream.http;

import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.stream.serde.AnalyzerEventSerde;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A camera directory over fixed cameras and events (tests of the HTTP layer). */
final class FakeCameraDirectory implements CameraDirectory {

    final Map<String, CameraView> cameras = new LinkedHashMap<>();
    final Map<String, List<AnalyzerEvent>> events = new LinkedHashMap<>();
    boolean unavailable;

    void add(final String cameraId, final List<AnalyzerEvent> cameraEvents) {
        cameras.put(cameraId, new CameraView(cameraId, 0, "active", 1.875, 0.02, 10, 9, 1_000, 2_000, null,
                "localhost:1"));
        events.put(cameraId, List.copyOf(cameraEvents));
    }

    @Override
    public Future<CameraList> cameras() {
        if (unavailable) {
            return Future.failedFuture(new UnavailableException("stores are restoring", null));
        }
        return Future.succeededFuture(new CameraList(new ArrayList<>(cameras.values()), List.of("localhost:1"),
                List.of()));
    }

    @Override
    public Future<Optional<CameraView>> camera(final String cameraId) {
        return Future.succeededFuture(Optional.ofNullable(cameras.get(cameraId)));
    }

    @Override
    public Future<Optional<List<String>>> events(final String cameraId, final EventQuery query) {
        if (!cameras.containsKey(cameraId)) {
            return Future.succeededFuture(Optional.empty());
        }
        final List<String> json = new ArrayList<>();
        for (final AnalyzerEvent e : events.get(cameraId)) {
            if (query.accepts(e)) {
                json.add(AnalyzerEventSerde.toJson(e));
            }
        }
        return Future.succeededFuture(Optional.of(json.subList(Math.max(0, json.size() - query.limit()),
                json.size())));
    }
}
