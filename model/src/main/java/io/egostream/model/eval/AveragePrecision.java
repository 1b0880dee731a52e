package io.egostream.model.eval;

/**
 * Interpolated average precision, VOC 2011 all-point ({@code interpolated_prec_rec}): pad precision with 0
 * at both ends and recall with 0 and 1, make precision non-increasing from the right, and sum
 * {@code (rec[i] - rec[i-1]) * prec[i]} over the points where recall changes (NumPy pairwise sum).
 */
public final class AveragePrecision {

    private AveragePrecision() {
    }

    /**
     * The interpolated AP of one precision/recall curve.
     *
     * @param precision precision after each ranked prediction {@code [n]}
     * @param recall recall after each ranked prediction {@code [n]}
     * @return the AP, in [0, 1]
     */
    public static double interpolated(final double[] precision, final double[] recall) {
        if (precision.length != recall.length) {
            throw new IllegalArgumentException("precision and recall must be equally long, got " + precision.length
                    + " and " + recall.length);
        }
        final int m = precision.length + 2;
        final double[] mprec = new double[m];
        final double[] mrec = new double[m];
        System.arraycopy(precision, 0, mprec, 1, precision.length);
        System.arraycopy(recall, 0, mrec, 1, recall.length);
        mrec[m - 1] = 1;
        for (int i = m - 2; i >= 0; i--) {
            if (mprec[i + 1] > mprec[i]) {
                mprec[i] = mprec[i + 1];
            }
        }
        final double[] terms = new double[m - 1];
        int k = 0;
        for (int i = 1; i < m; i++) {
            if (mrec[i] != mrec[i - 1]) {
                terms[k++] = (mrec[i] - mrec[i - 1]) * mprec[i];
            }
        }
        final double[] used = new double[k];
        System.arraycopy(terms, 0, used, 0, k);
        return NumpySum.sum(used);
    }
}
