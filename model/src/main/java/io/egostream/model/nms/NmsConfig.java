package io.egostream.model.nms;

/**
 * One non-maximum suppression setting of {@link SegmentNms}: the method, its parameters, the caps and whether
 * it runs per class (multiclass, the reference default) or over all classes at once followed by segment
 * voting. Immutable; build it with a named factory ({@link #softGaussian}, {@link #hard}, ...) or a preset
 * ({@link #preset(String)}), then adjust it with the {@code with...} methods.
 *
 * <p>The reference passes {@code iouThreshold}, {@code sigma} and {@code minScore} to its kernels as float32;
 * so does {@link SegmentNms}.
 *
 * @param method hard NMS or one of the three soft-NMS weightings
 * @param iouThreshold overlap at or above which hard NMS, linear and hard-weight soft-NMS act, in [0, 1]
 *     (Gaussian soft-NMS ignores it)
 * @param sigma Gaussian soft-NMS decay: scores are multiplied by {@code exp(-ovr^2 / sigma)}; finite, &gt; 0
 * @param minScore soft-NMS drops a segment whose decayed score falls below this; hard NMS first keeps only
 *     scores strictly above it when it is &gt; 0; in [0, 1]
 * @param maxSegments most segments kept, per class and then in total, &gt;= 1
 * @param classAgnostic {@code false}: NMS runs per class (no voting); {@code true}: one NMS over all classes,
 *     then segment voting when {@code votingThreshold > 0}
 * @param votingThreshold tIoU at or above which a pre-NMS segment votes for a kept one, in [0, 1]; 0 turns
 *     voting off; used only when {@code classAgnostic}
 */
public record NmsConfig(
        NmsMethod method,
        double iouThreshold,
        double sigma,
        double minScore,
        int maxSegments,
        boolean classAgnostic,
        double votingThreshold) {

    /** The reference {@code iou_threshold} default, 0.1, used by the factories that do not take one. */
    public static final double DEFAULT_IOU_THRESHOLD = 0.1;
    /** The reference {@code nms_sigma} default, 0.5, used by the factories that do not take one. */
    public static final double DEFAULT_SIGMA = 0.5;

    /** Validates every field. */
    public NmsConfig {
        if (method == null) {
            throw new IllegalArgumentException("NMS method must be one of hard, soft-gaussian, soft-linear, "
                    + "soft-hard, got null");
        }
        requireUnit("iouThreshold", iouThreshold);
        if (!(sigma > 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("NMS sigma must be finite and > 0, got " + sigma);
        }
        requireUnit("minScore", minScore);
        if (maxSegments < 1) {
            throw new IllegalArgumentException("NMS maxSegments must be >= 1, got " + maxSegments);
        }
        requireUnit("votingThreshold", votingThreshold);
    }

    private static void requireUnit(final String name, final double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("NMS " + name + " must be in [0, 1], got " + value);
        }
    }

    /**
     * Gaussian soft-NMS per class, the reference configuration of every ActionFormer and Hier-EgoPack model.
     *
     * @param sigma the decay, &gt; 0 (Hier-EgoPack MQ: 2.0, ActionFormer Ego4D: 0.9)
     * @param minScore the score floor, in [0, 1] (reference: 0.001)
     * @param maxSegments most segments kept, &gt;= 1 (reference Ego4D: 2000)
     * @return the setting, iouThreshold 0.1 (unused), no voting
     */
    public static NmsConfig softGaussian(final double sigma, final double minScore, final int maxSegments) {
        return new NmsConfig(NmsMethod.SOFT_GAUSSIAN, DEFAULT_IOU_THRESHOLD, sigma, minScore, maxSegments, false, 0);
    }

    /**
     * Linear soft-NMS per class.
     *
     * @param iouThreshold overlap from which scores decay by {@code 1 - ovr}, in [0, 1]
     * @param minScore the score floor, in [0, 1]
     * @param maxSegments most segments kept, &gt;= 1
     * @return the setting (sigma 0.5, unused), no voting
     */
    public static NmsConfig softLinear(final double iouThreshold, final double minScore, final int maxSegments) {
        return new NmsConfig(NmsMethod.SOFT_LINEAR, iouThreshold, DEFAULT_SIGMA, minScore, maxSegments, false, 0);
    }

    /**
     * Soft-NMS kernel with hard weights per class: overlapping scores become 0 and fall below a positive
     * {@code minScore}.
     *
     * @param iouThreshold overlap from which scores become 0, in [0, 1]
     * @param minScore the score floor, in [0, 1]
     * @param maxSegments most segments kept, &gt;= 1
     * @return the setting (sigma 0.5, unused), no voting
     */
    public static NmsConfig softHard(final double iouThreshold, final double minScore, final int maxSegments) {
        return new NmsConfig(NmsMethod.SOFT_HARD, iouThreshold, DEFAULT_SIGMA, minScore, maxSegments, false, 0);
    }

    /**
     * Hard NMS per class ({@code nms_1d_cpu}).
     *
     * @param iouThreshold overlap from which a worse segment is dropped, in [0, 1]
     * @param minScore when &gt; 0, only scores strictly above it enter NMS; in [0, 1]
     * @param maxSegments most segments kept, &gt;= 1
     * @return the setting (sigma 0.5, unused), no voting
     */
    public static NmsConfig hard(final double iouThreshold, final double minScore, final int maxSegments) {
        return new NmsConfig(NmsMethod.HARD, iouThreshold, DEFAULT_SIGMA, minScore, maxSegments, false, 0);
    }

    /**
     * The NMS setting of a named preset (see {@link NmsPreset}).
     *
     * @param name {@code hier-egopack}, {@code actionformer-ego4d}, {@code thumos}, {@code epic} or {@code anet}
     * @return the preset's NMS setting
     * @throws IllegalArgumentException naming the unknown preset and the known ones
     */
    public static NmsConfig preset(final String name) {
        return NmsPreset.fromId(name).nms();
    }

    /**
     * This setting run over all classes at once, followed by segment voting.
     *
     * @param threshold the voting tIoU, in [0, 1]; 0 disables voting
     * @return the class-agnostic setting
     */
    public NmsConfig withClassAgnosticVoting(final double threshold) {
        return new NmsConfig(method, iouThreshold, sigma, minScore, maxSegments, true, threshold);
    }

    /**
     * This setting run per class (voting is then never applied; the threshold is kept as given).
     *
     * @return the multiclass setting
     */
    public NmsConfig withMulticlass() {
        return new NmsConfig(method, iouThreshold, sigma, minScore, maxSegments, false, votingThreshold);
    }

    /**
     * This setting with another method, all other parameters kept.
     *
     * @param newMethod the method
     * @return the changed setting
     */
    public NmsConfig withMethod(final NmsMethod newMethod) {
        return new NmsConfig(newMethod, iouThreshold, sigma, minScore, maxSegments, classAgnostic, votingThreshold);
    }

    /**
     * This setting with another sigma.
     *
     * @param newSigma the decay, &gt; 0
     * @return the changed setting
     */
    public NmsConfig withSigma(final double newSigma) {
        return new NmsConfig(method, iouThreshold, newSigma, minScore, maxSegments, classAgnostic, votingThreshold);
    }

    /**
     * This setting with another IoU threshold.
     *
     * @param newIouThreshold the threshold, in [0, 1]
     * @return the changed setting
     */
    public NmsConfig withIouThreshold(final double newIouThreshold) {
        return new NmsConfig(method, newIouThreshold, sigma, minScore, maxSegments, classAgnostic, votingThreshold);
    }

    /**
     * This setting with another score floor.
     *
     * @param newMinScore the floor, in [0, 1]
     * @return the changed setting
     */
    public NmsConfig withMinScore(final double newMinScore) {
        return new NmsConfig(method, iouThreshold, sigma, newMinScore, maxSegments, classAgnostic, votingThreshold);
    }

    /**
     * This setting with another cap.
     *
     * @param newMaxSegments most segments kept, &gt;= 1
     * @return the changed setting
     */
    public NmsConfig withMaxSegments(final int newMaxSegments) {
        return new NmsConfig(method, iouThreshold, sigma, minScore, newMaxSegments, classAgnostic, votingThreshold);
    }
}
