package io.egostream.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrontierTest {

    /**
     * Brute force from the dependency rules node by node: a node is computable when every neighbour that can
     * exist is known (a neighbour beyond the right end is known to be absent only after close; one below
     * index 0 never exists; one below the first frame held exists but is unknown).
     */
    private static boolean[][][] bruteForce(final int depth, final int k, final int start, final int frames,
            final boolean closed) {
        final boolean[][][] known = new boolean[depth][3][];
        boolean[] in = new boolean[frames];
        for (int i = start; i < frames; i++) {
            in[i] = true;
        }
        int count = frames;
        for (int l = 0; l < depth; l++) {
            final boolean[] u = tdgc(in, count, k, closed);
            final boolean[] out = tdgc(u, count, k, closed);
            for (int i = 0; i < count; i++) {
                out[i] &= in[i];
            }
            known[l][0] = in;
            known[l][1] = u;
            known[l][2] = out;
            final int next = (count + 1) / 2;
            final boolean[] pooled = new boolean[next];
            for (int j = 0; j < next; j++) {
                final boolean left = j == 0 || out[2 * j - 1];
                final boolean right = 2 * j + 1 < count ? out[2 * j + 1] : closed;
                pooled[j] = left && out[2 * j] && right;
            }
            in = pooled;
            count = next;
        }
        return known;
    }

    private static boolean[] tdgc(final boolean[] src, final int count, final int k, final boolean closed) {
        final boolean[] dst = new boolean[count];
        for (int i = 0; i < count; i++) {
            boolean ok = src[i];
            for (int j = i - k; j <= i + k && ok; j++) {
                if (j < 0 || j == i) {
                    continue;
                }
                ok = j < count ? src[j] : closed;
            }
            dst[i] = ok;
        }
        return dst;
    }

    private static void assertRange(final boolean[] set, final long lo, final long hi, final String what) {
        for (int i = 0; i < set.length; i++) {
            assertEquals(set[i], i >= lo && i < hi, what + " index " + i + " range [" + lo + ", " + hi + ")");
        }
    }

    @Test
    void rangesMatchTheNodeByNodeDependencyRules() {
        final Random r = new Random(7);
        for (int trial = 0; trial < 400; trial++) {
            final int depth = 1 + r.nextInt(4);
            final int k = 1 + r.nextInt(3);
            final int frames = r.nextInt(90);
            final int start = r.nextBoolean() ? 0 : r.nextInt(frames + 1);
            final boolean closed = r.nextBoolean();
            final Frontier f = Frontier.of(depth, k, start, frames, closed);
            final boolean[][][] b = bruteForce(depth, k, start, frames, closed);
            for (int l = 0; l < depth; l++) {
                final LevelFrontier lf = f.level(l);
                final String ctx = "depth " + depth + " K " + k + " start " + start + " frames " + frames
                        + (closed ? " closed" : "") + " level " + l;
                // the bounds may exceed the node count only when the range is empty
                assertRange(b[l][0], lf.inLo(), lf.inHi(), ctx + " input");
                assertRange(b[l][1], lf.uLo(), lf.uHi(), ctx + " u");
                assertRange(b[l][2], lf.outLo(), lf.outHi(), ctx + " out");
            }
        }
    }

    @Test
    void closedStreamHasCeilHalfNodesPerLevel() {
        final Frontier f = Frontier.of(4, 3, 0, 37, true);
        assertEquals(37, f.level(0).outHi());
        assertEquals(19, f.level(1).outHi());
        assertEquals(10, f.level(2).outHi());
        assertEquals(5, f.level(3).outHi());
        assertEquals(37, f.completeSlots());
    }

    @Test
    void levelZeroOutputIsFinalTwoKFramesLater() {
        final Frontier f = Frontier.of(2, 3, 0, 20, false);
        assertEquals(14, f.level(0).outHi());
        assertEquals(17, f.level(0).uHi());
        assertEquals(7, f.level(1).inHi());
        assertEquals(1, f.level(1).outHi());
        assertEquals(2, f.completeSlots());
    }

    @Test
    void finalNodesOnlyGrowWithFrames() {
        for (int n = 1; n < 300; n++) {
            final Frontier a = Frontier.of(5, 3, 0, n - 1, false);
            final Frontier b = Frontier.of(5, 3, 0, n, false);
            for (int l = 0; l < 5; l++) {
                assertTrue(b.level(l).outHi() >= a.level(l).outHi());
                assertTrue(b.level(l).outHi() - a.level(l).outHi() <= 1, "at most one new output per level per frame");
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Frontier.of(0, 3, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Frontier.of(1, -1, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Frontier.of(1, 3, -1, 1, false));
    }
}
