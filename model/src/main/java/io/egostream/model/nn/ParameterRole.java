package io.egostream.model.nn;

/** How a stored array takes part in training. */
public enum ParameterRole {
    /** A learned parameter (counted, trained). */
    TRAINABLE,
    /** A parameter that is never trained (the EgoPack prototypes: counted, frozen). */
    FROZEN,
    /** A constant buffer stored in the state_dict but not a parameter (PNR {@code pe.frequency}). */
    BUFFER
}
