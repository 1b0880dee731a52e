package io.egostream.training.data;

/**
 * An AR sample: a whole LTA clip with all its actions; one prediction per action from its segment.
 *
 * @param clipUid the clip
 * @param window the clip's feature rows
 * @param starts action starts in seconds from the clip (reference grid), {@code [M]}
 * @param ends action ends, {@code [M]}
 * @param verbs verb class per action ({@code -1} unlabelled)
 * @param nouns noun class per action ({@code -1} unlabelled)
 * @param actionIdx {@code action_idx} of each action (names the action in a teacher file)
 */
public record ArSample(String clipUid, ClipWindow window, float[] starts, float[] ends, long[] verbs,
        long[] nouns, int[] actionIdx) {
}
