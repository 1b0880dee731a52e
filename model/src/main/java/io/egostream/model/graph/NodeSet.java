package io.egostream.model.graph;

import java.util.Arrays;

/**
 * The nodes of one backbone level (or of the input), in order: clips one after another, each clip's nodes
 * in time order. Per node: its timestamp in seconds ({@code pos}, never rescaled), its clip id and its index
 * inside its clip at this level. Immutable.
 */
public final class NodeSet {

    private final float[] pos;
    private final long[] clip;
    private final long[] indices;
    private final int[] clipStart;

    /**
     * @param pos node timestamps in seconds, finite
     * @param clip clip id per node: sorted, starting at 0, every id from 0 to the last present
     * @param indices index per node inside its clip, non-negative
     * @throws IllegalArgumentException naming the first bad value
     */
    public NodeSet(final float[] pos, final long[] clip, final long[] indices) {
        if (pos.length != clip.length || pos.length != indices.length) {
            throw new IllegalArgumentException("pos (" + pos.length + "), clip ids (" + clip.length
                    + ") and indices (" + indices.length + ") must have the same length");
        }
        for (int i = 0; i < pos.length; i++) {
            if (!Float.isFinite(pos[i])) {
                throw new IllegalArgumentException("pos[" + i + "] = " + pos[i] + " is not finite");
            }
            if (indices[i] < 0) {
                throw new IllegalArgumentException("indices[" + i + "] = " + indices[i] + " is negative");
            }
            final long expectedMin = i == 0 ? 0 : clip[i - 1];
            final long expectedMax = i == 0 ? 0 : clip[i - 1] + 1;
            if (clip[i] < expectedMin || clip[i] > expectedMax) {
                throw new IllegalArgumentException("clip ids must be sorted and run 0, 1, 2, ... without gaps"
                        + " (as a PyG batch vector); clip id " + clip[i] + " at node " + i
                        + (i == 0 ? " (the first must be 0)" : " follows " + clip[i - 1]));
            }
        }
        this.pos = pos.clone();
        this.clip = clip.clone();
        this.indices = indices.clone();
        final int clips = pos.length == 0 ? 0 : (int) clip[clip.length - 1] + 1;
        this.clipStart = new int[clips + 1];
        int c = 0;
        for (int i = 0; i < pos.length; i++) {
            while (c <= clip[i]) {
                clipStart[c++] = i;
            }
        }
        while (c <= clips) {
            clipStart[c++] = pos.length;
        }
    }

    /** @return the number of nodes */
    public int size() {
        return pos.length;
    }

    /** @return the number of clips */
    public int clips() {
        return clipStart.length - 1;
    }

    /**
     * @param c a clip id
     * @return the first node of that clip
     */
    public int clipStart(final int c) {
        return clipStart[c];
    }

    /**
     * @param c a clip id
     * @return one past the last node of that clip
     */
    public int clipEnd(final int c) {
        return clipStart[c + 1];
    }

    /**
     * @param i a node
     * @return its timestamp in seconds
     */
    public float pos(final int i) {
        return pos[i];
    }

    /**
     * @param i a node
     * @return its clip id
     */
    public long clip(final int i) {
        return clip[i];
    }

    /**
     * @param i a node
     * @return its index inside its clip
     */
    public long index(final int i) {
        return indices[i];
    }

    /** @return a copy of the timestamps */
    public float[] pos() {
        return pos.clone();
    }

    /** @return a copy of the clip ids */
    public long[] clip() {
        return clip.clone();
    }

    /** @return a copy of the per-clip indices */
    public long[] indices() {
        return indices.clone();
    }

    /**
     * @param keep nodes to keep, increasing
     * @param newIndices the index of each kept node at the new level
     * @return the subset, clip ids unchanged
     */
    public NodeSet subset(final int[] keep, final long[] newIndices) {
        final float[] p = new float[keep.length];
        final long[] c = new long[keep.length];
        for (int k = 0; k < keep.length; k++) {
            p[k] = pos[keep[k]];
            c[k] = clip[keep[k]];
        }
        return new NodeSet(p, c, newIndices);
    }

    @Override
    public String toString() {
        return "NodeSet[" + size() + " nodes, " + clips() + " clips, pos " + Arrays.toString(
                Arrays.copyOf(pos, Math.min(4, pos.length))) + "...]";
    }
}
