package io.egostream.model.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RadiusGraphTest {

    private static NodeSet clip(final float[] pos) {
        final long[] idx = new long[pos.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return new NodeSet(pos, new long[pos.length], idx);
    }

    @Test
    void evenlySpacedNodesLinkToThreeNeighboursEachSide() {
        final float[] pos = new float[10];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = (0.5f + i) * 16 / 30;
        }
        final Neighbourhood g = RadiusGraph.build(pos, clip(pos), 2.0);
        assertArrayEquals(new int[] {1, 2, 3}, g.sources(0));
        assertArrayEquals(new int[] {2, 3, 4, 6, 7, 8}, g.sources(5));
        assertArrayEquals(new int[] {6, 7, 8}, g.sources(9));
        assertEquals(6, g.maxDegree());
    }

    @Test
    void pnrAndRoundedLtaPositionsAlsoGiveOffsetsUpToThree() {
        final float[] pnr = new float[16];
        final float[] lta = new float[30];
        for (int i = 0; i < pnr.length; i++) {
            pnr[i] = i * 16f / 30f;
        }
        for (int i = 0; i < lta.length; i++) {
            lta[i] = Math.round((0.5 + i) * 16 / 30 * 1000) / 1000f;
        }
        for (final float[] pos : new float[][] {pnr, lta}) {
            for (int level = 0; level < 3; level++) {
                final int step = 1 << level;
                final float[] kept = new float[(pos.length + step - 1) / step];
                for (int j = 0; j < kept.length; j++) {
                    kept[j] = pos[j * step];
                }
                final NodeSet nodes = clip(kept);
                final Neighbourhood g = RadiusGraph.build(RadiusGraph.levelScaledPositions(nodes, level), nodes, 2.0);
                for (int i = 0; i < kept.length; i++) {
                    assertEquals(Math.min(i, 3) + Math.min(kept.length - 1 - i, 3), g.degree(i), "node " + i + " level " + level);
                }
            }
        }
    }

    @Test
    void theRadiusTestIsStrictInFloat32() {
        final float[] pos = {0f, 2f, 4f - Math.ulp(4f)};
        final Neighbourhood g = RadiusGraph.build(pos, clip(pos), 2.0);
        assertArrayEquals(new int[] {}, g.sources(0));
        assertArrayEquals(new int[] {2}, g.sources(1));
    }

    @Test
    void clipsAreNeverLinkedAndALoneNodeHasNoEdge() {
        final float[] pos = {0f, 0.5f, 1f, 0f};
        final NodeSet nodes = new NodeSet(pos, new long[] {0, 0, 0, 1}, new long[] {0, 1, 2, 0});
        final Neighbourhood g = RadiusGraph.build(pos, nodes, 2.0);
        assertArrayEquals(new int[] {1, 2}, g.sources(0));
        assertArrayEquals(new int[] {}, g.sources(3));
    }

    @Test
    void unsortedPositionsAreComparedPairwise() {
        final float[] pos = {2.5f, 0f, 1f};
        final Neighbourhood g = RadiusGraph.build(pos, clip(pos), 2.0);
        assertArrayEquals(new int[] {2}, g.sources(0));
        assertArrayEquals(new int[] {2}, g.sources(1));
        assertArrayEquals(new int[] {0, 1}, g.sources(2));
    }

    @Test
    void tdgcEdgesCarrySignOverDegreeAndDistinctDistances() {
        final float[] pos = {0f, 1f, 2f};
        final TdgcEdges e = TdgcEdges.of(RadiusGraph.build(pos, clip(pos), 2.5), pos);
        // node 0: sources 1 (+1/2), 2 (+1/2); node 1: 0 (-1/2), 2 (+1/2); node 2: 0 (-1/2), 1 (-1/2)
        assertEquals(2, e.plan().slots());
        assertArrayEquals(new long[] {1, 0, 0, 2, 2, 1}, e.plan().index());
        assertArrayEquals(new float[] {0.5f, -0.5f, -0.5f, 0.5f, 0.5f, -0.5f}, e.plan().coef());
        assertArrayEquals(new float[] {1f, 2f}, e.distances());
        assertArrayEquals(new long[] {0, 0, 1, 1, 0, 0}, e.distanceIndex());
    }
}
