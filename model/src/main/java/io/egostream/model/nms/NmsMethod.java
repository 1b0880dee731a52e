package io.egostream.model.nms;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How non-maximum suppression treats a segment that overlaps an already kept, better one by
 * {@code ovr} (the float32 overlap with the 1e-6 length epsilon, see {@link SegmentNms}).
 */
public enum NmsMethod {
    /** Hard NMS ({@code nms_1d_cpu}): drop it when {@code ovr >= iouThreshold}; scores never change. */
    HARD("hard", -1),
    /** Gaussian soft-NMS (kernel method 2): multiply its score by {@code exp(-ovr^2 / sigma)}, always. */
    SOFT_GAUSSIAN("soft-gaussian", 2),
    /** Linear soft-NMS (kernel method 1): multiply its score by {@code 1 - ovr} when {@code ovr >= iouThreshold}. */
    SOFT_LINEAR("soft-linear", 1),
    /** Soft-NMS kernel with hard weights (method 0): multiply its score by 0 when {@code ovr >= iouThreshold}. */
    SOFT_HARD("soft-hard", 0);

    private final String id;
    private final int kernelMethod;

    NmsMethod(final String id, final int kernelMethod) {
        this.id = id;
        this.kernelMethod = kernelMethod;
    }

    /**
     * The name used on the command line and in configuration.
     *
     * @return e.g. {@code soft-gaussian}
     */
    public String id() {
        return id;
    }

    /** The {@code method} argument of the reference {@code softnms_1d_cpu} kernel (0, 1, 2); -1 for hard NMS. */
    int kernelMethod() {
        return kernelMethod;
    }

    /**
     * Looks a method up by its {@link #id()}.
     *
     * @param id one of {@code hard}, {@code soft-gaussian}, {@code soft-linear}, {@code soft-hard}
     * @return the method
     * @throws IllegalArgumentException naming the unknown id and the allowed ones
     */
    public static NmsMethod fromId(final String id) {
        for (final NmsMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("NMS method '" + id + "' is not one of "
                + Arrays.stream(values()).map(NmsMethod::id).collect(Collectors.joining(", ")));
    }
}
