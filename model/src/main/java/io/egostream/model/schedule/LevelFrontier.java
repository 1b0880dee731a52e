package io.egostream.model.schedule;

/**
 * What one backbone level has computed after some frames, as half-open index ranges of that level. The
 * level block is {@code out = x + LeakyReLU(LN(TDGC_b(LeakyReLU(TDGC_a(x)))))}; {@code u} is the output of
 * the first TDGC. Inputs {@code [inLo, inHi)} are known, {@code u} nodes {@code [uLo, uHi)} and outputs
 * {@code [outLo, outHi)} are final. Indices below a {@code lo} are not computable from the frames held
 * (a rebuild from a later frame); they are all 0 for a camera replayed from its first frame.
 *
 * @param inLo first known input
 * @param inHi one past the last known input
 * @param uLo first final first-TDGC node
 * @param uHi one past the last final first-TDGC node
 * @param outLo first final output
 * @param outHi one past the last final output
 */
public record LevelFrontier(long inLo, long inHi, long uLo, long uHi, long outLo, long outHi) {

    /** Validates the ordering of the bounds. */
    public LevelFrontier {
        if (inLo < 0 || inLo > inHi || uLo > uHi || outLo > outHi) {
            throw new IllegalArgumentException("inconsistent level frontier in [" + inLo + ", " + inHi + ") u ["
                    + uLo + ", " + uHi + ") out [" + outLo + ", " + outHi + ")");
        }
    }
}
