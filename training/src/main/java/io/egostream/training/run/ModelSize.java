package io.egostream.training.run;

import io.egostream.model.domain.Task;
import io.egostream.model.nn.EgoPackConfig;
import io.egostream.model.nn.HierEgoPackConfig;
import java.util.List;
import java.util.Locale;

/**
 * The widths of the network a training run builds; the input dimension and class counts come from the
 * data, the depth from the tasks (MQ reads every level).
 *
 * @param hidden backbone width {@code H} = task feature size {@code F}
 * @param gateHidden TDGC gate hidden width (backbone and LTA head)
 * @param classifierHidden hidden width of every classifier
 * @param depth backbone levels when MQ is trained (otherwise 1)
 * @param egoPackHidden width of the EgoPack SAGE layers
 * @param egoPackK prototypes matched per row
 */
public record ModelSize(int hidden, int gateHidden, int classifierHidden, int depth, int egoPackHidden,
        int egoPackK) {

    /** The published sizes: H = F = 768, gates 256, classifiers 512, depth 8, EgoPack 256 / k 8. */
    public static final ModelSize REFERENCE = new ModelSize(768, 256, 512, 8, 256, 8);
    /** A CPU-friendly size: H = F = 128, gates 32, classifiers 128, depth 6, EgoPack 64 / k 8. */
    public static final ModelSize COMPACT = new ModelSize(128, 32, 128, 6, 64, 8);
    /** The smallest useful size: H = F = 64, gates 16, classifiers 64, depth 6, EgoPack 32 / k 8. */
    public static final ModelSize TINY = new ModelSize(64, 16, 64, 6, 32, 8);

    /** Validates the widths. */
    public ModelSize {
        if (hidden < 2 || hidden % 2 != 0 || gateHidden < 1 || classifierHidden < 1 || depth < 1 || depth > 12
                || egoPackHidden < 1 || egoPackK < 1) {
            throw new IllegalArgumentException("model size needs an even hidden >= 2, positive widths and depth in"
                    + " [1, 12], got " + this);
        }
    }

    /**
     * @param name {@code tiny}, {@code compact} or {@code reference}
     * @return that size
     */
    public static ModelSize of(final String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> TINY;
            case "compact" -> COMPACT;
            case "reference" -> REFERENCE;
            default -> throw new IllegalArgumentException("unknown model size '" + name
                    + "' (known: tiny, compact, reference)");
        };
    }

    /**
     * @param inputDim feature dimension of the data
     * @param verbs verb classes
     * @param nouns noun classes
     * @param mqClasses moment classes
     * @param heads the heads
     * @param depth backbone levels
     * @param egoPack the EgoPack module or null
     * @return the network configuration
     */
    public HierEgoPackConfig config(final int inputDim, final int verbs, final int nouns, final int mqClasses,
            final List<Task> heads, final int depth, final EgoPackConfig egoPack) {
        return new HierEgoPackConfig(inputDim, hidden, depth, gateHidden, 2.0, hidden, classifierHidden,
                classifierHidden, classifierHidden, classifierHidden, gateHidden, 20, verbs, nouns, mqClasses,
                Math.max(depth, 1), heads, egoPack);
    }

    /**
     * @param prototypes prototypes per support task
     * @param support the support tasks
     * @return the EgoPack module of this size (conv depth 2, one stage)
     */
    public EgoPackConfig egoPack(final int prototypes, final List<Task> support) {
        return new EgoPackConfig(egoPackHidden, egoPackK, 2, 1, prototypes, support);
    }
}
