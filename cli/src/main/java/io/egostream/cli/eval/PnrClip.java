package io.egostream.cli.eval;

/**
 * One clip of an {@code eval pnr} input file.
 *
 * @param logits the 16 frame logits (float32)
 * @param startFrame clip start frame
 * @param endFrame clip end frame
 * @param pnrFrame the PNR frame (meaningful only with a state change)
 * @param startSeconds clip start in seconds, NaN when absent
 * @param endSeconds clip end in seconds, NaN when absent
 * @param stateChange whether the clip has a state change
 */
record PnrClip(float[] logits, long startFrame, long endFrame, long pnrFrame, double startSeconds,
        double endSeconds, boolean stateChange) {
}
