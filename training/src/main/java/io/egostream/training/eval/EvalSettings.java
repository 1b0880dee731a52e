package io.egostream.training.eval;

import io.egostream.model.nms.NmsPreset;

/**
 * How {@code egostream eval model} scores.
 *
 * @param split the split to evaluate
 * @param seed seed of the LTA sequence sampling and of the chance-level predictors
 * @param ltaSequences sequences sampled per LTA sample ({@code K = 5})
 * @param mqContext the MQ classifier's context rule ({@code clip} or {@code trailing:W})
 * @param nms the MQ post-processing preset ({@code hier-egopack}: soft-NMS sigma 2.0, 2000 segments)
 * @param batchSize clips per forward pass (MQ always 1)
 * @param maxSamples most samples per task, 0 = all (for quick checks)
 * @param streamingMq whether MQ is also scored through the analyzer's streaming path
 *     ({@link StreamingMqPredictor}: incremental evaluator, per-node decoding, windowed NMS)
 * @param nmsWindowSeconds the windowed NMS window of the streaming path ({@code nms.window-seconds})
 * @param classesPerNode classes decoded per MQ node on the streaming path ({@code nms.classes-per-node})
 */
public record EvalSettings(String split, long seed, int ltaSequences, String mqContext, NmsPreset nms,
        int batchSize, int maxSamples, boolean streamingMq, double nmsWindowSeconds, int classesPerNode) {

    /** Validates the values. */
    public EvalSettings {
        if (split == null || split.isBlank() || ltaSequences < 1 || batchSize < 1 || maxSamples < 0 || nms == null
                || !(nmsWindowSeconds > 0) || classesPerNode < 1) {
            throw new IllegalArgumentException("evaluation needs a split, K >= 1, a batch size >= 1, max samples >= 0,"
                    + " an NMS preset, an NMS window > 0 s and classes per node >= 1");
        }
    }

    /**
     * @param split the split
     * @return seed 0, K 5, clip context, Hier-EgoPack NMS, batch 8, all samples, no streaming MQ
     */
    public static EvalSettings defaults(final String split) {
        return new EvalSettings(split, 0, 5, "clip", NmsPreset.HIER_EGOPACK, 8, 0, false, 60, 20);
    }
}
