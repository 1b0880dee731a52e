package io.egostream.model.eval;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which of two equal keys comes first when the reference sorts by score (or tIoU) descending with
 * {@code argsort()[::-1]}.
 *
 * <p>NumPy's generic sort is an insertion sort for up to 16 elements, so {@code argsort()[::-1]} puts the
 * <em>later</em> of two equal keys first; that is {@link #LATER_FIRST}, the default. For longer arrays, and
 * on machines where NumPy dispatches to its SIMD sorts (AVX2/AVX-512), the reference's order of equal keys
 * is unspecified, and an evaluation with ties can differ from run to run of the reference itself.
 */
public enum TieRule {
    /** The later of two equal keys (in input order) comes first, as {@code argsort()[::-1]} on small arrays. */
    LATER_FIRST("later-first"),
    /** The earlier of two equal keys comes first (a stable descending sort). */
    EARLIER_FIRST("earlier-first");

    private final String id;

    TieRule(final String id) {
        this.id = id;
    }

    /**
     * The name used on the command line.
     *
     * @return {@code later-first} or {@code earlier-first}
     */
    public String id() {
        return id;
    }

    /**
     * Looks a rule up by its {@link #id()}.
     *
     * @param id the name
     * @return the rule
     * @throws IllegalArgumentException naming the unknown rule and the allowed ones
     */
    public static TieRule fromId(final String id) {
        for (final TieRule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("tie rule '" + id + "' is not one of "
                + Arrays.stream(values()).map(TieRule::id).collect(Collectors.joining(", ")));
    }
}
