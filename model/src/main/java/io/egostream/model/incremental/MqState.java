package io.egostream.model.incremental;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The MQ part of a camera's state: per level-0 slot (frame) the sum of the projected features of the
 * nodes at that slot and, until the slot is classified, each node's projection and offsets; the running
 * sum and count of the trailing context window {@code [sumLo, sumHi)}; the next slot to classify.
 * Memory is bounded by the context window plus the slots not yet complete (the top level's look-ahead).
 *
 * <p>A copy (for provisional outputs) shares slots with the original and clones a slot before changing
 * it, so computing provisional values never touches the final state.
 */
final class MqState {

    /** One slot. */
    static final class Slot {
        final float[] sum;
        final float[][] f;
        final float[][] reg;

        Slot(final int featureSize, final int depth) {
            this.sum = new float[featureSize];
            this.f = new float[depth][];
            this.reg = new float[depth][];
        }

        private Slot(final Slot o) {
            this.sum = o.sum.clone();
            this.f = o.f.clone();
            this.reg = o.reg.clone();
        }
    }

    private final int featureSize;
    private final int depth;
    private final Map<Long, Slot> slots;
    private final Set<Long> owned;
    private final boolean copyOnWrite;
    final double[] running;
    int runningCount;
    long sumLo;
    long sumHi;
    long next;
    long lastLow;

    MqState(final int featureSize, final int depth, final long firstSlot, final long firstLow) {
        this.featureSize = featureSize;
        this.depth = depth;
        this.slots = new HashMap<>();
        this.owned = null;
        this.copyOnWrite = false;
        this.running = new double[featureSize];
        this.next = firstSlot;
        this.sumLo = firstLow;
        this.sumHi = firstLow;
        this.lastLow = firstLow;
    }

    private MqState(final MqState o) {
        this.featureSize = o.featureSize;
        this.depth = o.depth;
        this.slots = new HashMap<>(o.slots);
        this.owned = new HashSet<>();
        this.copyOnWrite = true;
        this.running = o.running.clone();
        this.runningCount = o.runningCount;
        this.sumLo = o.sumLo;
        this.sumHi = o.sumHi;
        this.next = o.next;
        this.lastLow = o.lastLow;
    }

    /** @return a copy-on-write copy */
    MqState copy() {
        return new MqState(this);
    }

    /** @return the slot, created if absent, safe to change */
    Slot writable(final long slot) {
        Slot s = slots.get(slot);
        if (s == null) {
            s = new Slot(featureSize, depth);
            slots.put(slot, s);
            if (copyOnWrite) {
                owned.add(slot);
            }
        } else if (copyOnWrite && !owned.contains(slot)) {
            s = new Slot(s);
            slots.put(slot, s);
            owned.add(slot);
        }
        return s;
    }

    /** @return the slot or null (read only) */
    Slot get(final long slot) {
        return slots.get(slot);
    }

    void remove(final long slot) {
        slots.remove(slot);
    }

    /** @return bytes held by the slots and the running sum */
    long bytes() {
        long b = 8L * running.length;
        for (final Slot s : slots.values()) {
            b += 4L * s.sum.length;
            for (int l = 0; l < depth; l++) {
                b += s.f[l] == null ? 0 : 4L * s.f[l].length;
                b += s.reg[l] == null ? 0 : 4L * s.reg[l].length;
            }
        }
        return b;
    }

    int slotCount() {
        return slots.size();
    }
}
