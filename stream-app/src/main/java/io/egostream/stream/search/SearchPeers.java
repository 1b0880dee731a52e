package io.egostream.stream.search;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/** Where the analyzer instances of the application are, as search needs it. */
public interface SearchPeers {

    /**
     * This instance.
     *
     * @return its {@code application.server}, or empty before it is known
     */
    Optional<HostInfo> self();

    /**
     * Every instance that hosts search entries (this one included when it does).
     *
     * @return their addresses
     */
    Set<HostInfo> all();

    /**
     * The instance that owns a camera's partition.
     *
     * @param cameraId the camera
     * @return its address, or empty when no instance is active for that partition right now
     */
    Optional<HostInfo> ownerOf(String cameraId);
}
