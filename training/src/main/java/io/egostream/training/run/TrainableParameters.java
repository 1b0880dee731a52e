package io.egostream.training.run;

import ai.djl.ndarray.NDArray;
import io.egostream.model.domain.Task;
import io.egostream.model.nn.HierEgoPackWeights;
import io.egostream.model.nn.ParameterRole;
import io.egostream.model.nn.ParameterSpec;
import io.egostream.model.nn.WeightModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which arrays a stage trains (only arrays that get a gradient, so that Adam's decay never touches an
 * unused one, as PyTorch skips parameters without a gradient):
 * <ul>
 *   <li>the backbone input projection and the levels the trained tasks read;</li>
 *   <li>single and multi-task: every trainable array of the trained tasks' heads;</li>
 *   <li>EgoPack: the novel task's head, the support heads' projections and the interaction stages (the
 *       prototypes are frozen).</li>
 * </ul>
 */
final class TrainableParameters {

    private TrainableParameters() {
    }

    /**
     * @param weights the store
     * @param stage the stage
     * @param tasks the trained tasks
     * @param levels backbone levels read
     * @return the arrays by qualified name {@code file.npz:key}, in official order
     */
    static Map<String, NDArray> select(final HierEgoPackWeights weights, final Stage stage, final List<Task> tasks,
            final int levels) {
        final Map<String, NDArray> out = new LinkedHashMap<>();
        for (final ParameterSpec spec : weights.layout().all()) {
            if (spec.role() != ParameterRole.TRAINABLE || !trained(spec, stage, tasks, levels, weights)) {
                continue;
            }
            out.put(spec.qualifiedName(), weights.get(spec.module(), spec.key()));
        }
        return out;
    }

    private static boolean trained(final ParameterSpec spec, final Stage stage, final List<Task> tasks,
            final int levels, final HierEgoPackWeights weights) {
        final WeightModule m = spec.module();
        if (m == WeightModule.BACKBONE) {
            if (spec.key().startsWith("layers.")) {
                final int d = Integer.parseInt(spec.key().split("\\.")[1]);
                return d < levels;
            }
            return true;
        }
        if (m == WeightModule.EGOPACK) {
            return stage == Stage.EGOPACK;
        }
        final boolean own = tasks.stream().anyMatch(t -> WeightModule.headOf(t) == m);
        if (own) {
            return true;
        }
        return stage == Stage.EGOPACK && weights.config().egoPack().supportTasks().stream()
                .anyMatch(t -> WeightModule.headOf(t) == m) && spec.key().startsWith("projector.");
    }
}
