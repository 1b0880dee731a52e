package io.egostream.config;

/** The value types of configuration keys. */
public enum ConfigType {
    /** A YAML string (quote values YAML would read as numbers or booleans). */
    STRING("string"),
    /** A 32-bit integer. */
    INT("integer"),
    /** A 64-bit integer. */
    LONG("integer"),
    /** A finite floating-point number; integers are accepted. */
    DOUBLE("number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /** One of a fixed set of lower-case names. */
    ENUM("enum"),
    /** A mapping of string keys to scalar values, passed through as strings. */
    MAP("map");

    private final String displayName;

    ConfigType(final String displayName) {
        this.displayName = displayName;
    }

    /**
     * The type as the key table shows it.
     *
     * @return e.g. {@code integer}
     */
    public String displayName() {
        return displayName;
    }
}
