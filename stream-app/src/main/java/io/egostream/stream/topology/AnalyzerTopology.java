package io.egostream.stream.topology;

import io.egostream.config.EgoStreamConfig;
import io.egostream.config.NmsMethod;
import io.egostream.model.nms.NmsConfig;
import io.egostream.model.domain.Task;
import io.egostream.stream.dashboard.DashboardSettings;
import io.egostream.stream.dashboard.DashboardTopology;
import io.egostream.stream.inference.AnalyzerInference;
import io.egostream.stream.inference.TaskWindows;
import io.egostream.stream.metrics.AnalyzerMetrics;
import io.egostream.stream.processor.AnalyzerSettings;
import io.egostream.stream.processor.CameraAnalyzerProcessor;
import io.egostream.stream.processor.CameraStateSerde;
import io.egostream.stream.processor.FrameValidationProcessor;
import io.egostream.stream.processor.MomentEmission;
import io.egostream.stream.search.LiveSearch;
import io.egostream.stream.search.SearchIndexerProcessor;
import io.egostream.stream.search.SearchIndexerSettings;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The analyzer's topology, built by one function of the configuration, the inference port and the meters; the
 * stream app's {@code main} and the tests use the same function.
 *
 * <pre>
 *  egostream.frames ──► frames-source ──► frame-validator ──► camera-analyzer ──► actions-sink ──► egostream.actions
 *  (key camera id)        (decode)        │  (bad records)     │  [camera-frames]  ├► state-changes-sink ...
 *                                         ▼                    │  [camera-sessions]├► pnr-sink ...
 *                                                              │  [moment-candidates]
 *                                    frames-dlq-sink ◄─────────┘  (order rules)     ├► anticipations-sink ...
 *                                    egostream.frames.dlq                           └► moments-sink ...
 * </pre>
 *
 * <p>Decoding happens in the source's serde, which never throws; {@code frame-validator} sends what did not
 * decode (and key/camera mismatches) to the dead-letter topic; {@code camera-analyzer} applies the per-camera
 * order rules (more dead letters), keeps each camera's recent frames and bookkeeping in two changelogged
 * stores, and runs batched inference through the port. Beside them, {@link DashboardTopology} keeps what the
 * dashboard and its HTTP API read (camera activity and recent events); it never changes the analyzer's output.
 */
public final class AnalyzerTopology {

    /** Source node. */
    public static final String SOURCE = "frames-source";
    /** Stateless validation node. */
    public static final String VALIDATOR = "frame-validator";
    /** Per-camera analyzer node. */
    public static final String ANALYZER = "camera-analyzer";
    /** Search indexer node (present when search is on). */
    public static final String SEARCH_INDEXER = "search-indexer";
    /** Dead-letter sink node. */
    public static final String DLQ_SINK = "frames-dlq-sink";

    private AnalyzerTopology() {}

    /**
     * Builds the topology.
     *
     * @param config the configuration (topics, windows, model batching, camera lifetime)
     * @param inference the model port; called from the stream threads ({@code kafka.num-stream-threads})
     * @param metrics the meters the processors update
     * @return the topology
     * @throws IllegalArgumentException when {@code window.frames-retained} is shorter than a task window
     */
    public static Topology build(final EgoStreamConfig config, final AnalyzerInference inference,
            final AnalyzerMetrics metrics) {
        return build(config, inference, metrics, null);
    }

    /**
     * Builds the topology, with the search indexer when {@code search} is given: a second child of the validator
     * that keeps each camera's video-text embeddings in the changelogged stores {@code search-embeddings} and
     * {@code search-cursors} and in the search's in-memory index.
     *
     * @param config the configuration
     * @param inference the model port
     * @param metrics the meters
     * @param search the instance's search (model and index), or null for none
     * @return the topology
     * @throws IllegalArgumentException when {@code window.frames-retained} is shorter than a task window
     */
    public static Topology build(final EgoStreamConfig config, final AnalyzerInference inference,
            final AnalyzerMetrics metrics, final LiveSearch search) {
        final TaskWindows windows = TaskWindows.from(config);
        if (windows.longestWindow() > config.window().framesRetained()) {
            throw new IllegalArgumentException("window.frames-retained (" + config.window().framesRetained()
                    + ") must hold the longest task window, " + windows.longestWindow() + " frames");
        }
        final Topics topics = Topics.from(config);
        final Map<Task, String> sinks = new EnumMap<>(Task.class);
        final Map<Task, String> names = new EnumMap<>(Task.class);
        for (final Task task : Task.values()) {
            names.put(task, topics.events(task).name());
            sinks.put(task, sinkName(task));
        }
        final AnalyzerSettings settings = new AnalyzerSettings(StoreNames.CAMERA_FRAMES, StoreNames.CAMERA_SESSIONS,
                DLQ_SINK, sinks, names, config.model().featureDim(), config.window().framesRetained(),
                config.window().idleTimeoutMs(), config.model().batchSize(), config.model().batchTimeMs(),
                config.window().frameStrideSeconds(), StoreNames.MOMENT_CANDIDATES, momentNms(config.nms()),
                config.nms().windowSeconds(), StoreNames.LATEST_EVENTS, new MomentEmission(config.nms().emitMinScore(),
                        config.nms().provisionalHopSeconds(), config.nms().provisionalTopK()));

        final Topology topology = new Topology();
        topology.addSource(SOURCE, topics.frames().keySerde().deserializer(),
                topics.frames().valueSerde().deserializer(), topics.frames().name());
        final List<String> children = search == null ? List.of(ANALYZER) : List.of(ANALYZER, SEARCH_INDEXER);
        topology.addProcessor(VALIDATOR, () -> new FrameValidationProcessor(children, DLQ_SINK, metrics), SOURCE);
        topology.addProcessor(ANALYZER, () -> new CameraAnalyzerProcessor(settings, inference, metrics), VALIDATOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CAMERA_FRAMES), Serdes.Bytes(), Serdes.ByteArray()),
                ANALYZER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CAMERA_SESSIONS), Serdes.String(), new CameraStateSerde()),
                ANALYZER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.MOMENT_CANDIDATES), Serdes.Bytes(), Serdes.ByteArray()),
                ANALYZER);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.LATEST_EVENTS), Serdes.String(), Serdes.String()),
                ANALYZER);
        if (search != null) {
            final SearchIndexerSettings indexer = new SearchIndexerSettings(StoreNames.SEARCH_EMBEDDINGS,
                    StoreNames.SEARCH_CURSORS, config.window().frameStrideSeconds(), config.window().idleTimeoutMs());
            topology.addProcessor(SEARCH_INDEXER, () -> new SearchIndexerProcessor(indexer, search.encoder(),
                    search.index()), VALIDATOR);
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                    StoreNames.SEARCH_EMBEDDINGS), Serdes.Bytes(), Serdes.ByteArray()), SEARCH_INDEXER);
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                    StoreNames.SEARCH_CURSORS), Serdes.String(), Serdes.ByteArray()), SEARCH_INDEXER);
        }
        topology.addSink(DLQ_SINK, topics.framesDlq().name(), topics.framesDlq().keySerde().serializer(),
                objectSerializer(topics.framesDlq().valueSerde().serializer()), VALIDATOR, ANALYZER);
        for (final Task task : Task.values()) {
            topology.addSink(sinkName(task), topics.events(task).name(), topics.events(task).keySerde().serializer(),
                    objectSerializer(topics.events(task).valueSerde().serializer()), ANALYZER);
        }
        DashboardTopology.addTo(topology, SOURCE, topics, DashboardSettings.from(config));
        return topology;
    }

    /**
     * The sink node of a task's output topic.
     *
     * @param task the task
     * @return e.g. {@code ar-sink}
     */
    public static String sinkName(final Task task) {
        return task.name().toLowerCase(Locale.ROOT) + "-sink";
    }

    /**
     * The NMS of moment candidates from the {@code nms} group: Gaussian soft-NMS ({@code nms.sigma}) or hard NMS
     * ({@code nms.iou-threshold}) per class, {@code nms.min-score}, {@code nms.max-segments}.
     *
     * @param nms the configuration group
     * @return the NMS setting
     */
    public static NmsConfig momentNms(final io.egostream.config.NmsConfig nms) {
        return nms.method() == NmsMethod.SOFT
                ? NmsConfig.softGaussian(nms.sigma(), nms.minScore(), nms.maxSegments())
                : NmsConfig.hard(nms.iouThreshold(), nms.minScore(), nms.maxSegments());
    }

    /** The processors forward {@code Object} values; each sink gets the type its serializer expects. */
    @SuppressWarnings("unchecked")
    private static <T> Serializer<Object> objectSerializer(final Serializer<T> serializer) {
        return (topic, value) -> serializer.serialize(topic, (T) value);
    }
}
