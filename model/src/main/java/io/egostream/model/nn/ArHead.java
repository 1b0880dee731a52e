package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * The AR head ({@code ARTask}, {@code [projector, verb_classifier, noun_classifier]}): project the level-0
 * nodes, take each segment's mean (clamped: an empty segment gives zeros), classify verb and noun. With
 * EgoPack the mean of the support tasks' interaction outputs is added to the aligned features before the
 * classifiers (fusion at the feature level).
 *
 * @param weights the parameter store
 */
public record ArHead(HierEgoPackWeights weights) {

    /**
     * @param backbone the backbone output (level 0 is read)
     * @param segments the action segments
     * @param auxMean EgoPack fusion term {@code [M, F]}, or null for the single-task head
     * @return verb and noun logits and features per segment
     */
    public ArOutput forward(final BackboneOutput backbone, final Segments segments, final NDArray auxMean) {
        final BackboneLevel l0 = backbone.level0();
        NDArray feat = SegmentAlign.align(project(l0.x()), l0.nodes(), segments, true, "AR");
        if (auxMean != null) {
            feat = feat.add(auxMean);
        }
        return new ArOutput(new Classifier(weights, WeightModule.HEAD_AR, "verb_classifier").forward(feat),
                new Classifier(weights, WeightModule.HEAD_AR, "noun_classifier").forward(feat), feat);
    }

    /**
     * @param x node features {@code [N, H]}
     * @return the AR projection {@code [N, F]}
     */
    public NDArray project(final NDArray x) {
        return new Projection(weights, WeightModule.HEAD_AR).forward(x);
    }
}
