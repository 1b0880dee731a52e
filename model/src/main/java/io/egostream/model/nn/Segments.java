package io.egostream.model.nn;

/**
 * Time segments (AR actions, OSCC windows), in seconds relative to their clip, with the clip of each.
 *
 * @param start segment starts {@code [M]}
 * @param end segment ends {@code [M]} (both ends inclusive when matched against node timestamps)
 * @param clip clip id of each segment {@code [M]}
 */
public record Segments(float[] start, float[] end, long[] clip) {

    /** Validates lengths and values and copies the arrays. */
    public Segments {
        if (start.length != end.length || start.length != clip.length) {
            throw new IllegalArgumentException("segment starts (" + start.length + "), ends (" + end.length
                    + ") and clip ids (" + clip.length + ") must have the same length");
        }
        for (int s = 0; s < start.length; s++) {
            if (!Float.isFinite(start[s]) || !Float.isFinite(end[s])) {
                throw new IllegalArgumentException("segment " + s + " [" + start[s] + ", " + end[s]
                        + "] is not finite");
            }
            if (clip[s] < 0) {
                throw new IllegalArgumentException("segment " + s + " has negative clip id " + clip[s]);
            }
        }
        start = start.clone();
        end = end.clone();
        clip = clip.clone();
    }

    /**
     * @param pairs {@code [M, 2]} (start, end) values in C order
     * @param clip clip id per segment
     * @return the segments
     */
    public static Segments ofPairs(final float[] pairs, final long[] clip) {
        if (pairs.length != 2 * clip.length) {
            throw new IllegalArgumentException("segments must be [M, 2] for M = " + clip.length + " clip ids, got "
                    + pairs.length + " values");
        }
        final float[] s = new float[clip.length];
        final float[] e = new float[clip.length];
        for (int i = 0; i < clip.length; i++) {
            s[i] = pairs[2 * i];
            e[i] = pairs[2 * i + 1];
        }
        return new Segments(s, e, clip);
    }

    /** @return the number of segments */
    public int size() {
        return start.length;
    }
}
