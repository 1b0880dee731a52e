package io.egostream.model.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The sliding windows of a windowed task head (AR, OSCC, PNR, LTA) over a camera's level-0 nodes:
 * regular windows {@code [k*hop, k*hop + length - 1]} for {@code k = 0, 1, ...}, and, when the camera
 * closes and its last node does not end a regular window, one tail window
 * {@code [max(0, n - length), n - 1]} so the end of the stream is covered. A head that needs exactly
 * {@code length} nodes (PNR) sets {@code minLength = length}; a shorter stream then has no window.
 *
 * @param length nodes per window, at least 1
 * @param hop nodes between two window starts, 1..length
 * @param minLength fewest nodes of a tail window, 1..length
 */
public record WindowPlan(int length, int hop, int minLength) {

    /** Validates the sizes. */
    public WindowPlan {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be at least 1 node, got " + length);
        }
        if (hop < 1 || hop > length) {
            throw new IllegalArgumentException("window hop must be in [1, " + length + "] nodes, got " + hop);
        }
        if (minLength < 1 || minLength > length) {
            throw new IllegalArgumentException("window minimum length must be in [1, " + length + "] nodes, got "
                    + minLength);
        }
    }

    /**
     * @param seconds window length in seconds
     * @param hopSeconds hop in seconds
     * @param timing node timing
     * @return the plan with lengths rounded to whole nodes (at least 1)
     */
    public static WindowPlan ofSeconds(final double seconds, final double hopSeconds, final NodeTiming timing) {
        final int len = Math.max(1, (int) Math.round(seconds / timing.secondsPerFrame()));
        final int hop = Math.max(1, Math.min(len, (int) Math.round(hopSeconds / timing.secondsPerFrame())));
        return new WindowPlan(len, hop, 1);
    }

    /**
     * @param end an end index
     * @return how many regular windows end at or before {@code end}
     */
    public long regularWindowsEndingBy(final long end) {
        final long first = end - length + 1;
        return first < 0 ? 0 : first / hop + 1;
    }

    /**
     * @param k regular window number
     * @return that window
     */
    public NodeWindow regular(final long k) {
        return new NodeWindow(k * hop, k * hop + length - 1, false);
    }

    /**
     * The regular windows whose last node is in {@code [fromEnd, toEnd)}.
     *
     * @param fromEnd smallest end, inclusive
     * @param toEnd largest end, exclusive
     * @return the windows in order
     */
    public List<NodeWindow> regularEndingIn(final long fromEnd, final long toEnd) {
        final List<NodeWindow> out = new ArrayList<>();
        for (long k = regularWindowsEndingBy(fromEnd - 1); k < regularWindowsEndingBy(toEnd - 1); k++) {
            out.add(regular(k));
        }
        return out;
    }

    /**
     * @param nodes level-0 nodes of a closed stream
     * @return its tail window, or null when the last node ends a regular window or the stream is shorter than
     *     {@code minLength}
     */
    public NodeWindow tail(final long nodes) {
        if (nodes < minLength) {
            return null;
        }
        final long last = nodes - 1;
        if (last >= length - 1 && (last - length + 1) % hop == 0) {
            return null;
        }
        return new NodeWindow(Math.max(0, nodes - length), last, true);
    }

    /**
     * Every window of a closed stream of {@code nodes} level-0 nodes: the regular ones, then the tail.
     *
     * @param nodes level-0 nodes
     * @return the windows in order
     */
    public List<NodeWindow> all(final long nodes) {
        final List<NodeWindow> out = regularEndingIn(0, nodes);
        final NodeWindow t = tail(nodes);
        if (t != null) {
            out.add(t);
        }
        return out;
    }

    /**
     * @param finalNodes level-0 nodes final so far ({@code outHi} of level 0)
     * @return the first node any window not yet final can read
     */
    public long firstNodeOfPending(final long finalNodes) {
        final long k = regularWindowsEndingBy(finalNodes - 1);
        return Math.min(k * hop, Math.max(0, finalNodes - length));
    }
}
