package io.egostream.cli.cluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link LocalCluster} starts: {@value #BROKERS} KRaft brokers (each also a controller; replication factor 3,
 * {@code min.insync.replicas} 2), {@code analyzers} analyzer instances ({@code egostream run}) and, when
 * {@code cameras > 0}, the simulated cameras ({@code egostream simulate}), each its own JVM.
 *
 * @param dir where every node keeps its data, configuration and log ({@code broker-1.log}, {@code analyzer-1.log},
 *     {@code cameras.log})
 * @param analyzers analyzer instances, 1..8
 * @param config configuration file of the analyzers and the cameras, or null for the shipped defaults
 * @param env extra {@code EGOSTREAM_*} variables of the analyzers and the cameras (the cluster sets
 *     {@code kafka.bootstrap-servers}, {@code kafka.replication-factor}, {@code http.port} and
 *     {@code kafka.client-props} itself)
 * @param cameras simulated cameras, 0 to start none
 * @param speed how many times faster than real time the cameras send, (0, 10000]
 * @param framesPerCamera frames each camera sends before its end-of-stream marker, 0 for unlimited
 * @param analyzerHeapMb maximum heap of each analyzer JVM, MB
 */
public record ClusterSpec(Path dir, int analyzers, Path config, Map<String, String> env, int cameras, double speed,
        long framesPerCamera, int analyzerHeapMb) {

    /** Kafka brokers (each also a KRaft controller). */
    public static final int BROKERS = 3;
    /** Replication factor of every topic. */
    public static final int REPLICATION_FACTOR = 3;
    /** {@code min.insync.replicas} of every topic. */
    public static final int MIN_IN_SYNC_REPLICAS = 2;

    /** Validates; copies the map. */
    public ClusterSpec {
        Objects.requireNonNull(dir, "dir");
        if (analyzers < 1 || analyzers > 8) {
            throw new IllegalArgumentException("analyzer instances must be in [1, 8], got " + analyzers);
        }
        if (cameras < 0 || cameras > 10_000) {
            throw new IllegalArgumentException("cameras must be in [0, 10000], got " + cameras);
        }
        if (!(speed > 0 && speed <= 10_000)) {
            throw new IllegalArgumentException("camera speed must be in (0, 10000], got " + speed);
        }
        if (framesPerCamera < 0) {
            throw new IllegalArgumentException("frames per camera must be >= 0 (0 = unlimited), got "
                    + framesPerCamera);
        }
        if (analyzerHeapMb < 256) {
            throw new IllegalArgumentException("analyzer heap must be >= 256 MB, got " + analyzerHeapMb);
        }
        env = Map.copyOf(env);
    }
}
