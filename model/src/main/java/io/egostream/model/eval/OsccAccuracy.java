package io.egostream.model.eval;

/**
 * Object state-change classification accuracy: {@code argmax(logits) == label}, the first class (0) winning
 * an argmax tie. Labels are 0 (no state change), 1 (state change) or -1 (unlabelled).
 */
public final class OsccAccuracy {

    private OsccAccuracy() {
    }

    /**
     * Hier-EgoPack ({@code MulticlassAccuracy(2, average="micro", ignore_index=-1)}): unlabelled samples are
     * skipped.
     *
     * @param logits scores {@code [N][2]}
     * @param labels labels {@code [N]}, each -1, 0 or 1
     * @return correct / labelled samples; 0 when no sample is labelled
     */
    public static double ignoringUnlabelled(final double[][] logits, final int[] labels) {
        check(logits, labels);
        long counted = 0;
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == ClassificationMetrics.IGNORE_LABEL) {
                continue;
            }
            counted++;
            correct += argmax(logits[i]) == labels[i] ? 1 : 0;
        }
        return counted == 0 ? 0.0 : (double) correct / counted;
    }

    /**
     * Ego4D baseline ({@code state_change_accuracy}): every sample counts; an unlabelled one is never correct.
     *
     * @param logits scores {@code [N][2]}
     * @param labels labels {@code [N]}, each -1, 0 or 1
     * @return correct / all samples
     */
    public static double countingAll(final double[][] logits, final int[] labels) {
        check(logits, labels);
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += argmax(logits[i]) == labels[i] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    private static int argmax(final double[] row) {
        return row[1] > row[0] ? 1 : 0;
    }

    private static void check(final double[][] logits, final int[] labels) {
        if (logits.length != labels.length || logits.length == 0) {
            throw new IllegalArgumentException("OSCC needs as many logit rows as labels, at least one; got "
                    + logits.length + " and " + labels.length);
        }
        for (int i = 0; i < logits.length; i++) {
            if (logits[i].length != 2) {
                throw new IllegalArgumentException("OSCC logits of sample " + i + " must have 2 values, got "
                        + logits[i].length);
            }
            if (labels[i] < -1 || labels[i] > 1) {
                throw new IllegalArgumentException("OSCC label of sample " + i + " must be -1, 0 or 1, got "
                        + labels[i]);
            }
        }
    }
}
