package io.egostream.model.nms;

/**
 * The float32 operations of the reference C++ kernel with C++ semantics: {@code std::max}/{@code std::min}
 * return their first argument unless the comparison says otherwise (so a NaN second argument is ignored,
 * unlike {@link Math#max(float, float)}), and {@code std::exp(float)} is evaluated in double and rounded once.
 */
final class Float32Ops {

    /** The length epsilon of the reference, {@code x2 - x1 + 1e-6} in float32. */
    static final float LENGTH_EPSILON = (float) 1e-6;

    private Float32Ops() {
    }

    /** {@code std::max(a, b)}: {@code (a < b) ? b : a}. */
    static float cppMax(final float a, final float b) {
        return a < b ? b : a;
    }

    /** {@code std::min(a, b)}: {@code (b < a) ? b : a}. */
    static float cppMin(final float a, final float b) {
        return b < a ? b : a;
    }

    /** {@code std::exp(float)}. */
    static float exp(final float x) {
        return (float) StrictMath.exp(x);
    }

    /** The reference segment length with its epsilon: {@code (x2 - x1) + 1e-6f}. */
    static float area(final float x1, final float x2) {
        return (x2 - x1) + LENGTH_EPSILON;
    }

    /** The reference overlap: {@code max(0, min(x2) - max(x1)) / (area_i + area_j - inter)}. */
    static float overlap(final float ix1, final float ix2, final float iarea, final float jx1, final float jx2,
            final float jarea) {
        final float xx1 = cppMax(ix1, jx1);
        final float xx2 = cppMin(ix2, jx2);
        final float inter = cppMax(0f, xx2 - xx1);
        return inter / (iarea + jarea - inter);
    }
}
