package io.egostream.stream.topology;

import io.egostream.config.EgoStreamConfig;
import io.egostream.config.TopicsConfig;
import io.egostream.model.codec.DecodeResult;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.Task;
import io.egostream.stream.serde.AnalyzerEventSerde;
import io.egostream.stream.serde.FeatureFrameSerde;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic EgoStream reads or writes, typed, with names from the {@code topics} configuration group.
 * Keys are camera ids (UTF-8 strings) everywhere.
 *
 * <ul>
 *   <li>{@link #frames()}: input, value = frame wire format read as {@link DecodeResult} (never throws).</li>
 *   <li>{@link #events(Task)}: one output per task, value = {@link AnalyzerEvent} as JSON.</li>
 *   <li>{@link #framesDlq()}: refused frames, value = the original bytes, {@link DeadLetter} in headers.</li>
 * </ul>
 */
public final class Topics {

    private final Topic<String, DecodeResult> frames;
    private final Map<Task, Topic<String, AnalyzerEvent>> events;
    private final Topic<String, byte[]> framesDlq;
    private final int partitions;
    private final short replicationFactor;

    private Topics(final TopicsConfig names, final int featureDim, final int replicationFactor) {
        this.frames = new Topic<>(names.frames(), Serdes.String(), new FeatureFrameSerde(featureDim));
        final AnalyzerEventSerde eventSerde = new AnalyzerEventSerde();
        this.events = new EnumMap<>(Task.class);
        events.put(Task.AR, new Topic<>(names.actions(), Serdes.String(), eventSerde));
        events.put(Task.OSCC, new Topic<>(names.stateChanges(), Serdes.String(), eventSerde));
        events.put(Task.PNR, new Topic<>(names.pnr(), Serdes.String(), eventSerde));
        events.put(Task.LTA, new Topic<>(names.anticipations(), Serdes.String(), eventSerde));
        events.put(Task.MQ, new Topic<>(names.moments(), Serdes.String(), eventSerde));
        this.framesDlq = new Topic<>(names.framesDlq(), Serdes.String(), Serdes.ByteArray());
        this.partitions = names.partitions();
        this.replicationFactor = (short) replicationFactor;
    }

    /**
     * The topics of a configuration: names and partitions from {@code topics}, the frame dimension from
     * {@code model.feature-dim}, the replication factor from {@code kafka.replication-factor}.
     *
     * @param config the configuration
     * @return the registry
     */
    public static Topics from(final EgoStreamConfig config) {
        return new Topics(config.topics(), config.model().featureDim(), config.kafka().replicationFactor());
    }

    /**
     * The input topic of feature frames ({@code topics.frames}).
     *
     * @return key = camera id, value = decoded frame or rejection
     */
    public Topic<String, DecodeResult> frames() {
        return frames;
    }

    /**
     * The output topic of one task.
     *
     * @param task the task
     * @return key = camera id, value = event JSON
     */
    public Topic<String, AnalyzerEvent> events(final Task task) {
        return events.get(task);
    }

    /**
     * Action recognition events ({@code topics.actions}).
     *
     * @return the AR output topic
     */
    public Topic<String, AnalyzerEvent> actions() {
        return events(Task.AR);
    }

    /**
     * Object state change events ({@code topics.state-changes}).
     *
     * @return the OSCC output topic
     */
    public Topic<String, AnalyzerEvent> stateChanges() {
        return events(Task.OSCC);
    }

    /**
     * Point-of-no-return events ({@code topics.pnr}).
     *
     * @return the PNR output topic
     */
    public Topic<String, AnalyzerEvent> pnr() {
        return events(Task.PNR);
    }

    /**
     * Long-term anticipation events ({@code topics.anticipations}).
     *
     * @return the LTA output topic
     */
    public Topic<String, AnalyzerEvent> anticipations() {
        return events(Task.LTA);
    }

    /**
     * Moment events ({@code topics.moments}).
     *
     * @return the MQ output topic
     */
    public Topic<String, AnalyzerEvent> moments() {
        return events(Task.MQ);
    }

    /**
     * The dead-letter topic of refused frames ({@code topics.frames-dlq}).
     *
     * @return key = the original key, value = the original bytes; see {@link DeadLetter} for the headers
     */
    public Topic<String, byte[]> framesDlq() {
        return framesDlq;
    }

    /**
     * The names of every topic: frames, the five outputs in {@link Task} order, the dead-letter topic.
     *
     * @return seven names
     */
    public List<String> names() {
        final List<String> names = new ArrayList<>();
        names.add(frames.name());
        for (final Task task : Task.values()) {
            names.add(events.get(task).name());
        }
        names.add(framesDlq.name());
        return List.copyOf(names);
    }

    /**
     * What to create on the brokers: every topic with {@code topics.partitions} partitions and the
     * {@code kafka.replication-factor}.
     *
     * @return one {@link NewTopic} per name of {@link #names()}
     */
    public List<NewTopic> newTopics() {
        final List<NewTopic> topics = new ArrayList<>();
        for (final String name : names()) {
            topics.add(new NewTopic(name, partitions, replicationFactor));
        }
        return List.copyOf(topics);
    }
}
