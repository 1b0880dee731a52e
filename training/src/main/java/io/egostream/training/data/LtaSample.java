package io.egostream.training.data;

/**
 * An LTA sample: the features from the start of one action to the end of the next (2 observed actions)
 * and the classes of the following {@code Z} actions.
 *
 * @param clipUid the clip
 * @param window the observed feature rows
 * @param verbs future verb classes, {@code [Z]} (empty on the test split)
 * @param nouns future noun classes, {@code [Z]}
 * @param lastIdx {@code action_idx} of the last observed action
 */
public record LtaSample(String clipUid, ClipWindow window, long[] verbs, long[] nouns, int lastIdx) {
}
