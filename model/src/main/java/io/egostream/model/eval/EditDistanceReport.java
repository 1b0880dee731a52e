package io.egostream.model.eval;

/**
 * LTA edit distance results.
 *
 * @param atLength mean normalised edit distance for the first z actions, z = 1..Z {@code [Z]}; the last entry
 *     is the reported ED@Z
 * @param aued area under that curve divided by Z - 1 (NaN when Z = 1)
 */
public record EditDistanceReport(double[] atLength, double aued) {

    /**
     * The edit distance over the full sequences (ED@Z).
     *
     * @return the last entry of {@link #atLength()}
     */
    public double editDistance() {
        return atLength[atLength.length - 1];
    }
}
