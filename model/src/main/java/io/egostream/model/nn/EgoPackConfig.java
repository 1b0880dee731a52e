package io.egostream.model.nn;

import io.egostream.model.domain.Task;
import java.util.List;

/**
 * Sizes of the EgoPack interaction module (reference-model.md section 4).
 *
 * @param hidden width of the SAGE layers {@code h} (reference 256)
 * @param k prototypes matched per feature row by cosine distance (reference 8)
 * @param convDepth SAGE layers per stage, 1 or more (reference 2)
 * @param stages interaction stages per support task (reference 1); each stage re-matches its output
 * @param prototypes frozen prototypes per support task, {@code P} (reference 1024)
 * @param supportTasks the support tasks in the order the reference iterates them (reference
 *     {@code [AR, LTA, MQ, OSCC, PNR]}); each must have its head in the model, no repeats
 */
public record EgoPackConfig(int hidden, int k, int convDepth, int stages, int prototypes, List<Task> supportTasks) {

    /** Validates every field; see the parameter descriptions for the allowed values. */
    public EgoPackConfig {
        requireIn("egopack.hidden", hidden, 1, 65536);
        requireIn("egopack.k", k, 1, 1_000_000);
        requireIn("egopack.conv_depth", convDepth, 1, 16);
        requireIn("egopack.stages", stages, 1, 16);
        requireIn("egopack.prototypes", prototypes, 1, 10_000_000);
        if (supportTasks == null || supportTasks.isEmpty()) {
            throw new IllegalArgumentException("egopack.support_tasks must name at least one task, got "
                    + supportTasks);
        }
        if (supportTasks.stream().anyMatch(java.util.Objects::isNull)
                || supportTasks.stream().distinct().count() != supportTasks.size()) {
            throw new IllegalArgumentException("egopack.support_tasks must not repeat a task or hold null, got "
                    + supportTasks);
        }
        supportTasks = List.copyOf(supportTasks);
    }

    /** @return the reference EgoPack: hidden 256, k 8, conv depth 2, 1 stage, 1024 prototypes, five tasks */
    public static EgoPackConfig reference() {
        return new EgoPackConfig(256, 8, 2, 1, 1024, List.of(Task.AR, Task.LTA, Task.MQ, Task.OSCC, Task.PNR));
    }

    static void requireIn(final String key, final int value, final int min, final int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
