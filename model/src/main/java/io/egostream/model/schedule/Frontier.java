package io.egostream.model.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Which nodes of every backbone level are final after a camera has sent some frames: a pure function of
 * the depth, the TDGC offsets {@code K} per side (3 in the reference), the first frame held ({@code start},
 * 0 unless the state was rebuilt from later frames), the number of frames sent and whether the camera has
 * closed.
 *
 * <p>Rules (index ranges of each level, see {@link LevelFrontier}):
 * <ul>
 *   <li>level-0 inputs are the frames {@code [start, frames)};</li>
 *   <li>a first-TDGC node {@code i} reads inputs {@code i-K..i+K}: it is final once input {@code i+K} is
 *       known (or the camera closed: the neighbours that exist are all there will be);</li>
 *   <li>an output {@code i} reads first-TDGC nodes {@code i-K..i+K} likewise;</li>
 *   <li>the next level's input {@code j} is the pooled mean of outputs {@code 2j-1, 2j, 2j+1}: known once
 *       output {@code 2j+1} is final (or the camera closed: the edge rule);</li>
 *   <li>with {@code start > 0}, a node whose inputs reach below the first known index cannot be computed:
 *       each lower bound moves up by {@code K} per TDGC, and pooled {@code j} needs {@code 2j-1} known.</li>
 * </ul>
 * So a level-{@code l} output is final {@code 2K} level-{@code l} steps after its input, and level
 * {@code l} advances once every {@code 2^l} frames.
 */
public final class Frontier {

    private final List<LevelFrontier> levels;
    private final long frames;
    private final boolean closed;

    private Frontier(final List<LevelFrontier> levels, final long frames, final boolean closed) {
        this.levels = List.copyOf(levels);
        this.frames = frames;
        this.closed = closed;
    }

    /**
     * @param depth backbone levels, at least 1
     * @param offsets TDGC neighbours per side {@code K}, at least 0
     * @param start first frame held (0 for a camera replayed from its first frame)
     * @param frames frames sent so far (one past the last frame index)
     * @param closed whether the camera has ended
     * @return the frontier
     */
    public static Frontier of(final int depth, final int offsets, final long start, final long frames,
            final boolean closed) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        if (offsets < 0) {
            throw new IllegalArgumentException("TDGC offsets must be non-negative, got " + offsets);
        }
        if (start < 0 || frames < 0) {
            throw new IllegalArgumentException("start (" + start + ") and frames (" + frames
                    + ") must be non-negative");
        }
        final List<LevelFrontier> out = new ArrayList<>(depth);
        long inLo = Math.min(start, frames);
        long inHi = frames;
        for (int l = 0; l < depth; l++) {
            final long uLo = inLo == 0 ? 0 : inLo + offsets;
            final long uHi = Math.max(uLo, closed ? inHi : inHi - offsets);
            final long outLo = uLo == 0 ? 0 : uLo + offsets;
            final long outHi = Math.max(outLo, closed ? uHi : uHi - offsets);
            out.add(new LevelFrontier(inLo, inHi, uLo, uHi, outLo, outHi));
            final long nextLo = outLo == 0 ? 0 : ceilDiv(outLo + 1, 2);
            inHi = Math.max(nextLo, closed ? ceilDiv(outHi, 2) : outHi / 2);
            inLo = nextLo;
        }
        return new Frontier(out, frames, closed);
    }

    private static long ceilDiv(final long a, final long b) {
        return -Math.floorDiv(-a, b);
    }

    /** @return the number of levels */
    public int depth() {
        return levels.size();
    }

    /**
     * @param level a level, 0-based
     * @return its ranges
     */
    public LevelFrontier level(final int level) {
        return levels.get(level);
    }

    /** @return every level, level 0 first */
    public List<LevelFrontier> levels() {
        return levels;
    }

    /** @return frames sent */
    public long frames() {
        return frames;
    }

    /** @return whether the camera has ended */
    public boolean closed() {
        return closed;
    }

    /**
     * The first level-0 frame slot whose nodes are not all final: a slot {@code k} holds one node of every
     * level {@code l} with {@code k % 2^l == 0}, and all of them are final iff {@code k < outHi(l) * 2^l}
     * for every level. The MQ context of slot {@code k} can be final only below this bound.
     *
     * @return {@code min_l outHi(l) * 2^l}, capped at the frames sent
     */
    public long completeSlots() {
        long m = frames;
        for (int l = 0; l < levels.size(); l++) {
            m = Math.min(m, levels.get(l).outHi() << l);
        }
        return m;
    }

    /**
     * The first level-0 frame slot from which every node of every level is computable from the frames
     * held (0 without a rebuild).
     *
     * @return {@code max_l outLo(l) * 2^l}
     */
    public long firstValidSlot() {
        long m = 0;
        for (int l = 0; l < levels.size(); l++) {
            m = Math.max(m, levels.get(l).outLo() << l);
        }
        return m;
    }

    @Override
    public String toString() {
        return "Frontier[frames " + frames + (closed ? ", closed" : "") + ", " + levels + "]";
    }
}
