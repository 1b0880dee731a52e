package io.egostream.stream.http;

import java.util.List;

/**
 * Every camera the analyzer instances know ({@code GET /api/cameras}).
 *
 * @param cameras the cameras, by id
 * @param instances the instances asked ({@code host:port})
 * @param unreachable the instances that did not answer; their cameras are missing
 */
public record CameraList(List<CameraView> cameras, List<String> instances, List<String> unreachable) {

    /** Copies the lists. */
    public CameraList {
        cameras = List.copyOf(cameras);
        instances = List.copyOf(instances);
        unreachable = List.copyOf(unreachable);
    }
}
