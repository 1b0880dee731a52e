package io.egostream.config;

/** Where the model runs. */
public enum Device {
    /** The CPU. */
    CPU,
    /** The first GPU; start-up fails when there is none. */
    GPU,
    /** The first GPU when the engine sees one, else the CPU. */
    AUTO
}
