package io.egostream.config;

import java.util.List;

/**
 * Group {@code nms}: decoding of moment (MQ) candidates and the windowed non-maximum suppression that turns
 * them into moments. Defaults are the Hier-EgoPack Ego4D MQ evaluation values.
 *
 * @param method soft (Gaussian) or hard NMS
 * @param sigma Gaussian soft-NMS decay: scores are multiplied by exp(-iou^2 / sigma)
 * @param iouThreshold hard NMS drops candidates overlapping a better one by at least this tIoU
 * @param minScore candidates whose (decayed) score falls below this are dropped
 * @param maxSegments most moments kept per NMS run
 * @param windowSeconds sliding window of NMS: a moment is emitted once its end is this many seconds old
 * @param preNmsThreshold candidates with a lower class probability are not decoded
 * @param preNmsTopK most candidates decoded per pyramid level
 * @param minDurationSeconds candidates not longer than this are dropped, s
 * @param emitMinScore moments scoring below this (after NMS) are not emitted as events
 * @param provisionalHopSeconds stream seconds between a camera's provisional moment events; 0 = none
 * @param provisionalTopK most provisional moments per camera and hop, best first
 */
public record NmsConfig(
        NmsMethod method,
        double sigma,
        double iouThreshold,
        double minScore,
        int maxSegments,
        double windowSeconds,
        double preNmsThreshold,
        int preNmsTopK,
        double minDurationSeconds,
        double emitMinScore,
        double provisionalHopSeconds,
        int provisionalTopK,
        int classesPerNode) {

    /** {@code nms.method}. */
    public static final ConfigKey METHOD = ConfigKey.ofEnum("nms.method", NmsMethod.class,
            "soft (Gaussian soft-NMS, the Ego4D MQ reference) or hard NMS, per moment class.");
    /** {@code nms.sigma}. */
    public static final ConfigKey SIGMA = ConfigKey.ofPositiveDouble("nms.sigma", 0, 100,
            "Soft-NMS decay: a candidate's score is multiplied by exp(-iou^2 / sigma) (2.0 in Hier-EgoPack MQ).");
    /** {@code nms.iou-threshold}. */
    public static final ConfigKey IOU_THRESHOLD = ConfigKey.ofDouble("nms.iou-threshold", 0, 1,
            "Hard NMS: a candidate overlapping a better one by tIoU >= this is dropped (unused by soft NMS).");
    /** {@code nms.min-score}. */
    public static final ConfigKey MIN_SCORE = ConfigKey.ofDouble("nms.min-score", 0, 1,
            "Candidates whose score (after soft-NMS decay) falls below this are dropped.");
    /** {@code nms.max-segments}. */
    public static final ConfigKey MAX_SEGMENTS = ConfigKey.ofInt("nms.max-segments", 1, 100_000,
            "Most moments kept per NMS run, best first.");
    /** {@code nms.window-seconds}. */
    public static final ConfigKey WINDOW_SECONDS = ConfigKey.ofPositiveDouble("nms.window-seconds", 0, 86_400,
            "Sliding NMS window in seconds: a moment is emitted (once, final) when its end is older than this.");
    /** {@code nms.pre-nms-threshold}. */
    public static final ConfigKey PRE_NMS_THRESHOLD = ConfigKey.ofDouble("nms.pre-nms-threshold", 0, 1,
            "Candidates whose class probability is not above this are not decoded.");
    /** {@code nms.pre-nms-top-k}. */
    public static final ConfigKey PRE_NMS_TOP_K = ConfigKey.ofInt("nms.pre-nms-top-k", 1, 1_000_000,
            "Most candidates decoded per pyramid level, best first.");
    /** {@code nms.min-duration-seconds}. */
    public static final ConfigKey MIN_DURATION_SECONDS = ConfigKey.ofDouble("nms.min-duration-seconds", 0, 3600,
            "Decoded candidates not longer than this many seconds are dropped.");

    /** {@code nms.emit-min-score}. */
    public static final ConfigKey EMIT_MIN_SCORE = ConfigKey.ofDouble("nms.emit-min-score", 0, 1,
            "Moments whose score after NMS is below this are not emitted as events (volume vs recall: "
                    + "egostream eval model reports moments per minute, precision and recall per threshold).");
    /** {@code nms.provisional-hop-seconds}. */
    public static final ConfigKey PROVISIONAL_HOP_SECONDS = ConfigKey.ofDouble("nms.provisional-hop-seconds", 0,
            86_400, "Stream seconds between a camera's provisional moment events (the moments not final yet, "
                    + "as if the stream ended now); 0 emits none.");
    /** {@code nms.provisional-top-k}. */
    public static final ConfigKey PROVISIONAL_TOP_K = ConfigKey.ofInt("nms.provisional-top-k", 1, 1000,
            "Most provisional moments per camera and hop, best score first.");

    /** {@code nms.classes-per-node}. */
    public static final ConfigKey CLASSES_PER_NODE = ConfigKey.ofInt("nms.classes-per-node", 1, 1000,
            "Most moment classes decoded per MQ node of a live stream (the streaming stand-in for the offline "
                    + "per-level top-k; 20 keeps the streaming MQ mAP at the offline one, 5 loses 5 % on the "
                    + "benchmark's val split).");

    /** Validates every field. */
    public NmsConfig {
        METHOD.require(method);
        SIGMA.require(sigma);
        IOU_THRESHOLD.require(iouThreshold);
        MIN_SCORE.require(minScore);
        MAX_SEGMENTS.require(maxSegments);
        WINDOW_SECONDS.require(windowSeconds);
        PRE_NMS_THRESHOLD.require(preNmsThreshold);
        PRE_NMS_TOP_K.require(preNmsTopK);
        MIN_DURATION_SECONDS.require(minDurationSeconds);
        EMIT_MIN_SCORE.require(emitMinScore);
        PROVISIONAL_HOP_SECONDS.require(provisionalHopSeconds);
        PROVISIONAL_TOP_K.require(provisionalTopK);
        CLASSES_PER_NODE.require(classesPerNode);
    }

    static List<ConfigKey> keys() {
        return List.of(METHOD, SIGMA, IOU_THRESHOLD, MIN_SCORE, MAX_SEGMENTS, WINDOW_SECONDS, PRE_NMS_THRESHOLD,
                PRE_NMS_TOP_K, MIN_DURATION_SECONDS, EMIT_MIN_SCORE, PROVISIONAL_HOP_SECONDS, PROVISIONAL_TOP_K,
                CLASSES_PER_NODE);
    }

    static NmsConfig from(final ConfigValues v) {
        return new NmsConfig(v.enumValue(METHOD, NmsMethod.class), v.doubleValue(SIGMA), v.doubleValue(IOU_THRESHOLD),
                v.doubleValue(MIN_SCORE), v.intValue(MAX_SEGMENTS), v.doubleValue(WINDOW_SECONDS),
                v.doubleValue(PRE_NMS_THRESHOLD), v.intValue(PRE_NMS_TOP_K), v.doubleValue(MIN_DURATION_SECONDS),
                v.doubleValue(EMIT_MIN_SCORE), v.doubleValue(PROVISIONAL_HOP_SECONDS), v.intValue(PROVISIONAL_TOP_K),
                v.intValue(CLASSES_PER_NODE));
    }
}
