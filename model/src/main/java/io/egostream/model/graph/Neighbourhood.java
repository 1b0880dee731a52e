package io.egostream.model.graph;

/**
 * Incoming edges of every node: {@code sources(i)} are the nodes {@code j} with an edge {@code j -> i},
 * in increasing node order. Immutable.
 */
public final class Neighbourhood {

    private final int[][] sources;

    Neighbourhood(final int[][] sources) {
        this.sources = sources;
    }

    /** @return the number of nodes */
    public int size() {
        return sources.length;
    }

    /**
     * @param i a node
     * @return a copy of its sources
     */
    public int[] sources(final int i) {
        return sources[i].clone();
    }

    /**
     * @param i a node
     * @return its in-degree
     */
    public int degree(final int i) {
        return sources[i].length;
    }

    /** @return the largest in-degree (0 for a graph without edges) */
    public int maxDegree() {
        int m = 0;
        for (final int[] s : sources) {
            m = Math.max(m, s.length);
        }
        return m;
    }

    /** @return the number of edges */
    public int edges() {
        int n = 0;
        for (final int[] s : sources) {
            n += s.length;
        }
        return n;
    }
}
