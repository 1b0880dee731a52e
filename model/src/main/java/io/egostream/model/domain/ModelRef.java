package io.egostream.model.domain;

/**
 * The model that produced an event.
 *
 * @param id the model's name, e.g. {@code hier-egopack-mtl}; not blank
 * @param version the version of its weights, e.g. {@code 0.1.0}; not blank
 */
public record ModelRef(String id, String version) {

    /** Validates both fields. */
    public ModelRef {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("model id '" + id + "' and version '" + version
                    + "' must not be blank");
        }
    }
}
