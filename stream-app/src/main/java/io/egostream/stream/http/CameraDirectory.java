package io.egostream.stream.http;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Where the API finds cameras and their events: this instance's stores only ({@link LocalCameraDirectory}) or
 * every instance ({@link ClusterCameraDirectory}). Futures fail with {@link UnavailableException} while the stores
 * cannot be read (start-up, rebalance) or the owning instance cannot be reached.
 */
public interface CameraDirectory {

    /**
     * Every known camera.
     *
     * @return the cameras, sorted by id
     */
    Future<CameraList> cameras();

    /**
     * One camera.
     *
     * @param cameraId the camera
     * @return the camera, or empty when no instance knows it
     */
    Future<Optional<CameraView>> camera(String cameraId);

    /**
     * A camera's recent events that pass a query, oldest emitted first.
     *
     * @param cameraId the camera
     * @param query the filters
     * @return each event's JSON (the shape of the event topics), or empty when no instance knows the camera
     */
    Future<Optional<List<String>>> events(String cameraId, EventQuery query);
}
