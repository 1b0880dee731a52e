package io.egostream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.egostream.model.graph.NodeSet;
import java.util.List;

/**
 * What {@code GraphHier} returns: every level's graph (the {@code graphs} batch, level-major) and the
 * features after the last level's pooling ({@code feat_final}).
 *
 * @param levels the levels in order, level 0 first
 * @param finalPooled {@code [sum ceil(n / 2^depth), H]}
 * @param finalNodes the nodes of {@code finalPooled}
 */
public record BackboneOutput(List<BackboneLevel> levels, NDArray finalPooled, NodeSet finalNodes) {

    /** Copies the level list. */
    public BackboneOutput {
        levels = List.copyOf(levels);
    }

    /** @return level 0 */
    public BackboneLevel level0() {
        return levels.get(0);
    }

    /** @return the features of all levels concatenated level-major, {@code [sum N_d, H]} */
    public NDArray graphsX() {
        if (levels.size() == 1) {
            return levels.get(0).x();
        }
        final NDList list = new NDList();
        levels.forEach(l -> list.add(l.x()));
        return NDArrays.concat(list, 0);
    }

    /** @return total node count over all levels */
    public int graphsSize() {
        return levels.stream().mapToInt(l -> l.nodes().size()).sum();
    }

    /** @return timestamp (s) per node of {@link #graphsX()} */
    public float[] graphsPos() {
        final float[] out = new float[graphsSize()];
        int k = 0;
        for (final BackboneLevel l : levels) {
            for (int i = 0; i < l.nodes().size(); i++) {
                out[k++] = l.nodes().pos(i);
            }
        }
        return out;
    }

    /** @return clip id per node of {@link #graphsX()} */
    public long[] graphsVideo() {
        final long[] out = new long[graphsSize()];
        int k = 0;
        for (final BackboneLevel l : levels) {
            for (int i = 0; i < l.nodes().size(); i++) {
                out[k++] = l.nodes().clip(i);
            }
        }
        return out;
    }

    /** @return level per node of {@link #graphsX()} */
    public long[] graphsDepth() {
        final long[] out = new long[graphsSize()];
        int k = 0;
        for (final BackboneLevel l : levels) {
            for (int i = 0; i < l.nodes().size(); i++) {
                out[k++] = l.depth();
            }
        }
        return out;
    }

    /** @return {@code 2^level} per node of {@link #graphsX()} */
    public float[] graphsExtent() {
        final long[] d = graphsDepth();
        final float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) Math.pow(2, d[i]);
        }
        return out;
    }

    /** @return per-clip index at its level per node of {@link #graphsX()} */
    public long[] graphsIndices() {
        final long[] out = new long[graphsSize()];
        int k = 0;
        for (final BackboneLevel l : levels) {
            for (int i = 0; i < l.nodes().size(); i++) {
                out[k++] = l.nodes().index(i);
            }
        }
        return out;
    }

    /** @return the number of clips */
    public int clips() {
        return level0().nodes().clips();
    }
}
