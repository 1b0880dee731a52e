package io.egostream.model.incremental;

/**
 * The per-level caches of one camera: level inputs {@code x [H]}, the first TDGC's per-node maps
 * {@code [hx | root] (2H)}, the second TDGC's per-node maps of the first TDGC's outputs {@code (2H)}, and
 * the level outputs {@code [H]}. Each is a {@link Ring}; the schedule guarantees that every row still read
 * is within the capacity.
 */
final class LevelRings {

    final Ring x;
    final Ring entry;
    final Ring second;
    final Ring out;

    LevelRings(final int hidden, final int capacity) {
        this.x = new Ring(hidden, capacity);
        this.entry = new Ring(2 * hidden, capacity);
        this.second = new Ring(2 * hidden, capacity);
        this.out = new Ring(hidden, capacity);
    }

    private LevelRings(final LevelRings o) {
        this.x = o.x.copy();
        this.entry = o.entry.copy();
        this.second = o.second.copy();
        this.out = o.out.copy();
    }

    LevelRings copy() {
        return new LevelRings(this);
    }

    long bytes() {
        return x.bytes() + entry.bytes() + second.bytes() + out.bytes();
    }
}
