package io.egostream.model.domain;

/** Whether an event can still change. */
public enum EventStatus {
    /** Computed as if the stream ended now; a later event for the same window may replace it. */
    PROVISIONAL,
    /** Computed from final nodes only; never changes and is never emitted again. */
    FINAL
}
