package io.egostream.training.task;

import io.egostream.model.nn.ClipInput;
import io.egostream.model.nn.Segments;

/**
 * A batch of one task, ready for the model.
 *
 * @param input the backbone input (every clip of the batch)
 * @param segments AR actions or OSCC windows (null for other tasks)
 * @param labels per task: AR verbs then nouns ({@code [2, M]} flattened), OSCC labels {@code [M]}, LTA verbs
 *     then nouns ({@code [2, B*Z]}), unused for PNR and MQ
 * @param targets PNR one-hot targets {@code [16 B]} (null otherwise)
 * @param samples the batch's samples, in batch order (for MQ ground truth and evaluation)
 * @param teacher per prediction row, teacher logits for distillation (verbs, then nouns), or null
 */
public record TaskBatch(ClipInput input, Segments segments, long[] labels, float[] targets,
        java.util.List<?> samples, float[][][] teacher) {
}
