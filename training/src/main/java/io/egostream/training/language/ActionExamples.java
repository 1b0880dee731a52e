package io.egostream.training.language;

import java.util.List;

/**
 * Actions as classification examples: one pooled video feature per action with its verb and noun.
 *
 * @param features {@code [N][D]} pooled features
 * @param verbs {@code [N]} verb class per action, in {@code [0, verbNames.size())}
 * @param nouns {@code [N]} noun class per action, in {@code [0, nounNames.size())}
 * @param verbNames the verb vocabulary (class keys as the annotations spell them)
 * @param nounNames the noun vocabulary
 * @param uids {@code [N]} the action's name, {@code <clip_uid>#<action_idx>}
 */
public record ActionExamples(float[][] features, int[] verbs, int[] nouns, List<String> verbNames,
        List<String> nounNames, String[] uids) {

    /** Validates the shapes and label ranges; copies the name lists. */
    public ActionExamples {
        final int n = features.length;
        if (verbs.length != n || nouns.length != n || uids.length != n) {
            throw new IllegalArgumentException("action examples need one verb, noun and uid per feature row, got "
                    + n + " rows, " + verbs.length + " verbs, " + nouns.length + " nouns, " + uids.length + " uids");
        }
        verbNames = List.copyOf(verbNames);
        nounNames = List.copyOf(nounNames);
        for (int i = 0; i < n; i++) {
            if (features[i].length != features[0].length) {
                throw new IllegalArgumentException("feature row " + i + " has " + features[i].length
                        + " values, row 0 has " + features[0].length);
            }
            if (verbs[i] < 0 || verbs[i] >= verbNames.size() || nouns[i] < 0 || nouns[i] >= nounNames.size()) {
                throw new IllegalArgumentException("action " + uids[i] + " has verb " + verbs[i] + " and noun "
                        + nouns[i] + " outside the vocabulary of " + verbNames.size() + " verbs and "
                        + nounNames.size() + " nouns");
            }
        }
    }

    /**
     * The number of actions.
     *
     * @return N
     */
    public int size() {
        return features.length;
    }

    /**
     * The feature width.
     *
     * @return D, 0 when there is no action
     */
    public int featureDim() {
        return features.length == 0 ? 0 : features[0].length;
    }

    /**
     * The labels of a target.
     *
     * @param target verb or noun
     * @return {@code [N]} class indices (the array itself; do not modify)
     */
    public int[] labels(final LabelTarget target) {
        return target == LabelTarget.VERB ? verbs : nouns;
    }

    /**
     * The vocabulary of a target.
     *
     * @param target verb or noun
     * @return the class keys
     */
    public List<String> names(final LabelTarget target) {
        return target == LabelTarget.VERB ? verbNames : nounNames;
    }
}
