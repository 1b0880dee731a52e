package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * The OSCC head ({@code OSCCTask}, {@code [projector, classifier]}): project the level-0 nodes, take each
 * segment's mean (a segment covering no node is rejected), classify change / no change. With EgoPack the
 * support-task mean is added to the aligned features.
 *
 * @param weights the parameter store
 */
public record OsccHead(HierEgoPackWeights weights) {

    /**
     * @param backbone the backbone output (level 0 is read)
     * @param segments the OSCC windows
     * @param auxMean EgoPack fusion term {@code [M, F]}, or null
     * @return logits and features per segment
     */
    public OsccOutput forward(final BackboneOutput backbone, final Segments segments, final NDArray auxMean) {
        final BackboneLevel l0 = backbone.level0();
        NDArray feat = SegmentAlign.align(new Projection(weights, WeightModule.HEAD_OSCC).forward(l0.x()),
                l0.nodes(), segments, false, "OSCC");
        if (auxMean != null) {
            feat = feat.add(auxMean);
        }
        return new OsccOutput(new Classifier(weights, WeightModule.HEAD_OSCC, "classifier").forward(feat), feat);
    }
}
