package io.egostream.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Group {@code topics}: names of the Kafka topics and how many partitions EgoStream creates them with.
 *
 * @param frames input topic of feature frames, key = camera id
 * @param actions output topic of action recognition (AR) events
 * @param stateChanges output topic of object state change (OSCC) events
 * @param pnr output topic of point-of-no-return (PNR) events
 * @param anticipations output topic of long-term anticipation (LTA) events
 * @param moments output topic of moment (MQ) events
 * @param framesDlq dead-letter topic of refused frames
 * @param partitions partitions of every topic EgoStream creates
 */
public record TopicsConfig(
        String frames,
        String actions,
        String stateChanges,
        String pnr,
        String anticipations,
        String moments,
        String framesDlq,
        int partitions) {

    private static final String TOPIC = "[a-zA-Z0-9._-]{1,249}";
    private static final String TOPIC_HELP = "a Kafka topic name, 1-249 of a-z A-Z 0-9 . _ -";

    /** {@code topics.frames}. */
    public static final ConfigKey FRAMES = ConfigKey.ofString("topics.frames", TOPIC, TOPIC_HELP,
            "Input topic of feature frames (key = camera id, value = frame wire format).");
    /** {@code topics.actions}. */
    public static final ConfigKey ACTIONS = ConfigKey.ofString("topics.actions", TOPIC, TOPIC_HELP,
            "Output topic of action recognition (AR) events, JSON, key = camera id.");
    /** {@code topics.state-changes}. */
    public static final ConfigKey STATE_CHANGES = ConfigKey.ofString("topics.state-changes", TOPIC, TOPIC_HELP,
            "Output topic of object state change (OSCC) events, JSON, key = camera id.");
    /** {@code topics.pnr}. */
    public static final ConfigKey PNR = ConfigKey.ofString("topics.pnr", TOPIC, TOPIC_HELP,
            "Output topic of point-of-no-return (PNR) keyframe events, JSON, key = camera id.");
    /** {@code topics.anticipations}. */
    public static final ConfigKey ANTICIPATIONS = ConfigKey.ofString("topics.anticipations", TOPIC, TOPIC_HELP,
            "Output topic of long-term anticipation (LTA) events, JSON, key = camera id.");
    /** {@code topics.moments}. */
    public static final ConfigKey MOMENTS = ConfigKey.ofString("topics.moments", TOPIC, TOPIC_HELP,
            "Output topic of moment (MQ) events, JSON, key = camera id.");
    /** {@code topics.frames-dlq}. */
    public static final ConfigKey FRAMES_DLQ = ConfigKey.ofString("topics.frames-dlq", TOPIC, TOPIC_HELP,
            "Dead-letter topic: refused frames, original key and bytes, reason and source in headers.");
    /** {@code topics.partitions}. */
    public static final ConfigKey PARTITIONS = ConfigKey.ofInt("topics.partitions", 1, 10_000,
            "Partitions of every topic EgoStream creates; bounds how many analyzer instances share the work.");

    /** Validates every field and that the seven names differ. */
    public TopicsConfig {
        FRAMES.require(frames);
        ACTIONS.require(actions);
        STATE_CHANGES.require(stateChanges);
        PNR.require(pnr);
        ANTICIPATIONS.require(anticipations);
        MOMENTS.require(moments);
        FRAMES_DLQ.require(framesDlq);
        PARTITIONS.require(partitions);
        final List<String> names = List.of(frames, actions, stateChanges, pnr, anticipations, moments, framesDlq);
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new ConfigException(keys().get(i).name(), "Invalid value for " + keys().get(i).name() + ": '"
                        + names.get(i) + "' is already the name of another topic. Allowed: a name no other "
                        + "topics.* key uses.");
            }
        }
    }

    static List<ConfigKey> keys() {
        return List.of(FRAMES, ACTIONS, STATE_CHANGES, PNR, ANTICIPATIONS, MOMENTS, FRAMES_DLQ, PARTITIONS);
    }

    static TopicsConfig from(final ConfigValues v) {
        return new TopicsConfig(v.string(FRAMES), v.string(ACTIONS), v.string(STATE_CHANGES), v.string(PNR),
                v.string(ANTICIPATIONS), v.string(MOMENTS), v.string(FRAMES_DLQ), v.intValue(PARTITIONS));
    }
}
