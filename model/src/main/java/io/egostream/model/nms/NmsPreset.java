package io.egostream.model.nms;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The post-processing settings of the reference configurations (ActionFormer {@code configs/*.yaml} merged
 * with its defaults, and the Hier-EgoPack MQ evaluation meter). Every one uses Gaussian soft-NMS,
 * iouThreshold 0.1 and minScore 0.001. The voting thresholds of the multiclass presets are kept as the
 * reference configures them, though multiclass NMS never votes.
 *
 * <table>
 *   <caption>Presets</caption>
 *   <tr><th>preset</th><th>sigma</th><th>max segments</th><th>classes</th><th>voting</th>
 *       <th>pre-NMS top-k</th><th>min duration</th></tr>
 *   <tr><td>hier-egopack</td><td>2.0</td><td>2000</td><td>per class</td><td>0.95 (unused)</td><td>5000</td>
 *       <td>0.05 s</td></tr>
 *   <tr><td>actionformer-ego4d</td><td>0.9</td><td>2000</td><td>per class</td><td>0.95 (unused)</td>
 *       <td>5000</td><td>0.05 grid</td></tr>
 *   <tr><td>thumos</td><td>0.5</td><td>200</td><td>per class</td><td>0.7 (unused)</td><td>2000</td>
 *       <td>0.05 grid</td></tr>
 *   <tr><td>epic</td><td>0.4</td><td>2000</td><td>per class</td><td>0.75 (unused)</td><td>5000</td>
 *       <td>0.05 grid</td></tr>
 *   <tr><td>anet</td><td>0.75</td><td>100</td><td>all at once</td><td>0.9</td><td>2000</td>
 *       <td>0.001 grid</td></tr>
 * </table>
 * The pre-NMS score threshold is 0.001 everywhere.
 */
public enum NmsPreset {
    /** Hier-EgoPack Ego4D MQ meter ({@code eval_meter/ego4d/mq.yaml}: sigma 2.0). */
    HIER_EGOPACK("hier-egopack", 2.0, 2000, false, 0.95, 5000, 0.05),
    /** ActionFormer {@code configs/ego4d_*.yaml}. */
    ACTIONFORMER_EGO4D("actionformer-ego4d", 0.9, 2000, false, 0.95, 5000, 0.05),
    /** ActionFormer {@code configs/thumos_i3d.yaml}. */
    THUMOS("thumos", 0.5, 200, false, 0.7, 2000, 0.05),
    /** ActionFormer {@code configs/epic_slowfast_{verb,noun}.yaml}. */
    EPIC("epic", 0.4, 2000, false, 0.75, 5000, 0.05),
    /** ActionFormer {@code configs/anet_i3d.yaml}: class-agnostic with segment voting. */
    ANET("anet", 0.75, 100, true, 0.9, 2000, 0.001);

    private static final double MIN_SCORE = 0.001;
    private static final double PRE_NMS_THRESHOLD = 0.001;

    private final String id;
    private final NmsConfig nms;
    private final PreNmsConfig preNms;

    NmsPreset(final String id, final double sigma, final int maxSegments, final boolean classAgnostic,
            final double voting, final int preNmsTopK, final double minDuration) {
        this.id = id;
        this.nms = new NmsConfig(NmsMethod.SOFT_GAUSSIAN, NmsConfig.DEFAULT_IOU_THRESHOLD, sigma, MIN_SCORE,
                maxSegments, classAgnostic, voting);
        this.preNms = new PreNmsConfig(PRE_NMS_THRESHOLD, preNmsTopK, minDuration);
    }

    /**
     * The preset's name.
     *
     * @return e.g. {@code hier-egopack}
     */
    public String id() {
        return id;
    }

    /**
     * The NMS setting.
     *
     * @return the setting
     */
    public NmsConfig nms() {
        return nms;
    }

    /**
     * The candidate selection before NMS.
     *
     * @return the selection
     */
    public PreNmsConfig preNms() {
        return preNms;
    }

    /**
     * Looks a preset up by name.
     *
     * @param id the preset's {@link #id()}
     * @return the preset
     * @throws IllegalArgumentException naming the unknown preset and the known ones
     */
    public static NmsPreset fromId(final String id) {
        for (final NmsPreset p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("NMS preset '" + id + "' is not one of "
                + Arrays.stream(values()).map(NmsPreset::id).collect(Collectors.joining(", ")));
    }
}
