package io.egostream.model.nms;

/**
 * The moment-head output of one pyramid level for one video, as {@link CandidateDecoder} reads it.
 *
 * @param probabilities class probabilities (sigmoid of the logits, 0 at masked points), point-major
 *     {@code [points * numClasses]}: entry {@code p * numClasses + c} is point {@code p}, class {@code c}
 * @param numClasses number of classes C, &gt;= 1
 * @param points point positions {@code [points]} (grid units for ActionFormer, seconds for Hier-EgoPack)
 * @param offsets regressed distances to the start and end, {@code [points * 2]}: start offset at
 *     {@code 2p}, end offset at {@code 2p + 1}, in units of {@code scales}
 * @param scales per-point scale of the offsets {@code [points]} (the level's stride or extent)
 */
public record LevelOutput(float[] probabilities, int numClasses, float[] points, float[] offsets, float[] scales) {

    /** Validates the shapes. */
    public LevelOutput {
        if (probabilities == null || points == null || offsets == null || scales == null) {
            throw new IllegalArgumentException("level output arrays must not be null");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("level output numClasses must be >= 1, got " + numClasses);
        }
        final int n = points.length;
        if (probabilities.length != n * numClasses || offsets.length != 2 * n || scales.length != n) {
            throw new IllegalArgumentException("level output shapes disagree: " + n + " points and " + numClasses
                    + " classes need probabilities [" + n * numClasses + "], offsets [" + 2 * n + "], scales ["
                    + n + "], got " + probabilities.length + ", " + offsets.length + ", " + scales.length);
        }
    }
}
