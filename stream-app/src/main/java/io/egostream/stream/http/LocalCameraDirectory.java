package io.egostream.stream.http;

import io.egostream.stream.dashboard.CameraActivity;
import io.egostream.stream.dashboard.CameraTimeline;
import io.egostream.stream.dashboard.DashboardSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The cameras of this instance's active tasks, read from its dashboard stores on a Vert.x worker thread (store
 * reads may block).
 */
public final class LocalCameraDirectory implements CameraDirectory {

    private final Vertx vertx;
    private final DashboardStores stores;
    private final DashboardSettings settings;
    private final Supplier<String> instance;
    private final LongSupplier clockMs;

    /**
     * @param vertx runs the store reads
     * @param stores this instance's stores
     * @param settings when cameras are idle and closed
     * @param instance this instance's {@code host:port}, written into every camera it owns
     * @param clockMs the wall clock, ms since the Unix epoch
     */
    public LocalCameraDirectory(final Vertx vertx, final DashboardStores stores, final DashboardSettings settings,
            final Supplier<String> instance, final LongSupplier clockMs) {
        this.vertx = vertx;
        this.stores = stores;
        this.settings = settings;
        this.instance = instance;
        this.clockMs = clockMs;
    }

    @Override
    public Future<CameraList> cameras() {
        return read(() -> {
            final long now = clockMs.getAsLong();
            final List<CameraView> cameras = new ArrayList<>();
            try (KeyValueIterator<String, CameraActivity> all = stores.activities().all()) {
                all.forEachRemaining(kv -> cameras.add(CameraView.of(kv.value, now, settings, instance.get())));
            }
            cameras.sort(Comparator.comparing(CameraView::cameraId));
            return new CameraList(cameras, List.of(instance.get()), List.of());
        });
    }

    @Override
    public Future<Optional<CameraView>> camera(final String cameraId) {
        return read(() -> Optional.ofNullable(stores.activities().get(cameraId))
                .map(a -> CameraView.of(a, clockMs.getAsLong(), settings, instance.get())));
    }

    @Override
    public Future<Optional<List<String>>> events(final String cameraId, final EventQuery query) {
        return read(() -> {
            final List<CameraTimeline.StoredEvent> stored = CameraTimeline.read(stores.timeline(), cameraId);
            if (stored.isEmpty() && stores.activities().get(cameraId) == null) {
                return Optional.empty();
            }
            final List<CameraTimeline.StoredEvent> selected = new ArrayList<>();
            for (final CameraTimeline.StoredEvent e : stored) {
                if (query.accepts(e.event())) {
                    selected.add(e);
                }
            }
            selected.sort(Comparator.comparingLong((CameraTimeline.StoredEvent e) -> e.event().emittedAtMs())
                    .thenComparingDouble(e -> e.event().time().endSeconds()));
            final List<String> json = new ArrayList<>();
            for (final CameraTimeline.StoredEvent e : selected.subList(Math.max(0, selected.size() - query.limit()),
                    selected.size())) {
                json.add(e.json());
            }
            return Optional.of(json);
        });
    }

    private <T> Future<T> read(final Callable<T> reading) {
        return vertx.executeBlocking(() -> {
            try {
                return reading.call();
            } catch (InvalidStateStoreException e) {
                throw new UnavailableException("the dashboard stores cannot be read now: " + e.getMessage(), e);
            }
        }, false);
    }
}
