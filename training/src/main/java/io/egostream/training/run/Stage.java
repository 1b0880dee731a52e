package io.egostream.training.run;

import java.util.Locale;

/** The training stages. */
public enum Stage {
    /** One task, its own head on a fresh backbone. */
    SINGLE,
    /** Several tasks on one shared backbone, summed losses. */
    MULTI,
    /** A novel task on a multi-task model, through the EgoPack interaction with the support tasks. */
    EGOPACK;

    /** @return the command-line name */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
