package io.egostream.model.nn;

import io.egostream.model.domain.Task;
import java.util.Locale;

/**
 * The weight files of a model, one per module of the official code, each keyed by that module's exact
 * {@code state_dict} names: {@code backbone.npz}, {@code head_ar.npz}, ..., {@code egopack.npz}.
 */
public enum WeightModule {
    /** The GraphHier temporal backbone ({@code proj.1.*}, {@code layers.<d>.module_<m>.*}). */
    BACKBONE("backbone", null),
    /** The AR task head. */
    HEAD_AR("head_ar", Task.AR),
    /** The OSCC task head. */
    HEAD_OSCC("head_oscc", Task.OSCC),
    /** The PNR task head (with its {@code pe.frequency} buffer). */
    HEAD_PNR("head_pnr", Task.PNR),
    /** The LTA task head. */
    HEAD_LTA("head_lta", Task.LTA),
    /** The MQ task head. */
    HEAD_MQ("head_mq", Task.MQ),
    /** The EgoPack prototypes and interaction stages. */
    EGOPACK("egopack", null);

    private final String fileStem;
    private final Task task;

    WeightModule(final String fileStem, final Task task) {
        this.fileStem = fileStem;
        this.task = task;
    }

    /** @return the file name without extension, e.g. {@code head_ar} */
    public String fileStem() {
        return fileStem;
    }

    /** @return the weight file name, e.g. {@code head_ar.npz} */
    public String fileName() {
        return fileStem + ".npz";
    }

    /**
     * @param task a task
     * @return the module of that task's head
     */
    public static WeightModule headOf(final Task task) {
        for (final WeightModule m : values()) {
            if (m.task == task) {
                return m;
            }
        }
        throw new IllegalArgumentException("no head module for " + task);
    }

    /**
     * @param task a task
     * @return the official task name, e.g. {@code ego4d/ar}, used in EgoPack keys
     */
    public static String officialTaskName(final Task task) {
        return "ego4d/" + task.name().toLowerCase(Locale.ROOT);
    }
}
