package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import io.egostream.model.domain.Task;
import java.util.List;
import java.util.Map;

/**
 * What an EgoPack forward returns for one main task.
 *
 * @param mainTask the main (novel) task
 * @param auxIn per support task, its projected and main-task-aligned features (the interaction input)
 * @param auxOut per support task, the interaction output {@code [B, F]}
 * @param nearest per support task, the nearest prototype of each row per stage (-1: all-zero row)
 * @param main the main head's outputs by reference name ({@code verb_logits}, {@code logits}, ...)
 */
public record EgoPackOutput(Task mainTask, Map<Task, NDArray> auxIn, Map<Task, NDArray> auxOut,
        Map<Task, List<long[]>> nearest, Map<String, NDArray> main) {
}
