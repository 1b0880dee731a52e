package io.egostream.training.loss;

import java.util.List;

/**
 * The MQ label assignment of Hier-EgoPack (model.md section 3, {@code mq.py} L245-288), computed in
 * float32 as the reference does. For every point {@code p} (a node of level {@code l}, timestamp in
 * seconds) and every moment {@code [s, e]} of the same clip:
 * <ul>
 *   <li>{@code left = p - s}, {@code right = e - p}; the moment qualifies only if the point is inside it,
 *       {@code min(left, right) > 0} (no centre sampling);</li>
 *   <li>and if {@code max(left, right)} is in the level's regression range {@code [2^l, 2^(l+2)]} seconds,
 *       with 0 as the lower bound of level 0 and 10000 as the upper bound of the clip's deepest level;</li>
 *   <li>of the qualifying moments the shortest wins; every moment within 1e-3 s of the shortest length
 *       adds its class to the multi-hot class target;</li>
 *   <li>the regression target is the winner's {@code (left, right) / 2^l} (the first shortest on ties).</li>
 * </ul>
 *
 * @param classes number of MQ classes {@code C}
 */
public record MqLabelAssigner(int classes) {

    /** Length tolerance of the shortest-moment tie, seconds. */
    public static final float TIE_TOLERANCE = 1e-3f;
    /** Upper regression bound of the deepest level, seconds. */
    public static final float LAST_LEVEL_MAX = 10000f;

    /** Validates the class count. */
    public MqLabelAssigner {
        if (classes < 1) {
            throw new IllegalArgumentException("MQ needs at least one class, got " + classes);
        }
    }

    /**
     * @param pos timestamp of each point in seconds, {@code [N]}
     * @param depth level of each point, {@code [N]}
     * @param clip clip of each point (0-based index into {@code truths}), {@code [N]}
     * @param truths the moments of each clip
     * @return the targets of every point
     * @throws IllegalArgumentException if the arrays disagree, a clip id has no ground truth or a label is
     *     not below {@code classes}
     */
    public MqTargets assign(final float[] pos, final long[] depth, final long[] clip,
            final List<MqGroundTruth> truths) {
        final int n = pos.length;
        if (depth.length != n || clip.length != n) {
            throw new IllegalArgumentException("pos, depth and clip must have one entry per point, got " + n + ", "
                    + depth.length + " and " + clip.length);
        }
        final long[] deepest = new long[truths.size()];
        java.util.Arrays.fill(deepest, -1);
        for (int i = 0; i < n; i++) {
            if (clip[i] < 0 || clip[i] >= truths.size()) {
                throw new IllegalArgumentException("point " + i + " belongs to clip " + clip[i] + " but there are "
                        + truths.size() + " clips with ground truth");
            }
            deepest[(int) clip[i]] = Math.max(deepest[(int) clip[i]], depth[i]);
        }
        for (final MqGroundTruth t : truths) {
            for (final int label : t.labels()) {
                if (label >= classes) {
                    throw new IllegalArgumentException("moment label " + label + " is not below the " + classes
                            + " MQ classes");
                }
            }
        }
        final float[] cls = new float[n * classes];
        final float[] reg = new float[2 * n];
        final boolean[] positive = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            final MqGroundTruth gt = truths.get((int) clip[i]);
            final long d = depth[i];
            final float extent = (float) Math.pow(2, d);
            final float minRange = d == 0 ? 0f : extent;
            final float maxRange = d == deepest[(int) clip[i]] ? LAST_LEVEL_MAX : (float) Math.pow(2, d + 2);
            final float[] lens = new float[gt.size()];
            float minLen = Float.POSITIVE_INFINITY;
            int minIndex = 0;
            for (int g = 0; g < gt.size(); g++) {
                final float left = pos[i] - gt.start(g);
                final float right = gt.end(g) - pos[i];
                final float far = Math.max(left, right);
                final boolean inside = Math.min(left, right) > 0;
                final boolean inRange = far >= minRange && far <= maxRange;
                lens[g] = inside && inRange ? gt.end(g) - gt.start(g) : Float.POSITIVE_INFINITY;
                if (lens[g] < minLen) {
                    minLen = lens[g];
                    minIndex = g;
                }
            }
            if (minLen == Float.POSITIVE_INFINITY) {
                continue;
            }
            for (int g = 0; g < gt.size(); g++) {
                if (lens[g] <= minLen + TIE_TOLERANCE && lens[g] < Float.POSITIVE_INFINITY) {
                    cls[i * classes + gt.label(g)] = 1f;
                }
            }
            reg[2 * i] = (pos[i] - gt.start(minIndex)) / extent;
            reg[2 * i + 1] = (gt.end(minIndex) - pos[i]) / extent;
            positive[i] = true;
            count++;
        }
        return new MqTargets(n, classes, cls, reg, positive, count);
    }
}
