package io.egostream.model.domain;

/** The five Ego4D tasks the analyzer runs on every camera. */
public enum Task {
    /** Action recognition: the verb and noun of the current action. */
    AR,
    /** Object state change classification: whether an object changes state in the window. */
    OSCC,
    /** Point of no return: the keyframe at which the state change happens. */
    PNR,
    /** Long-term anticipation: the next 20 actions (verb and noun). */
    LTA,
    /** Moment queries: temporal segments of 110 moment classes. */
    MQ
}
