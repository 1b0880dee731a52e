package io.egostream.model.schedule;

/**
 * A window of consecutive level-0 nodes {@code [first, last]} (both inclusive) that a task head reads.
 *
 * @param first first level-0 node index
 * @param last last level-0 node index, at least {@code first}
 * @param tail whether this is the end-of-stream tail window (it exists only once the camera has closed, or
 *     provisionally as if it had)
 */
public record NodeWindow(long first, long last, boolean tail) {

    /** Validates the bounds. */
    public NodeWindow {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("a node window needs 0 <= first <= last, got [" + first + ", " + last
                    + "]");
        }
    }

    /** @return the number of nodes */
    public int size() {
        return (int) (last - first + 1);
    }
}
