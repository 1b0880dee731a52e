package io.egostream.training.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A split of a vocabulary into base classes (trained on) and held-out novel classes (never seen in
 * training), stratified by frequency: the classes that occur are ranked by count (more first, ties by
 * index), and every {@code every}-th rank, starting at rank {@code every - 1}, is held out. So with
 * {@code every = 4} a quarter of the classes is novel, spread over frequent and rare classes alike.
 *
 * @param base the base class indices, by rank
 * @param novel the novel class indices, by rank
 */
public record ClassHoldout(List<Integer> base, List<Integer> novel) {

    /** Copies the lists. */
    public ClassHoldout {
        base = List.copyOf(base);
        novel = List.copyOf(novel);
    }

    /**
     * The holdout of the classes that occur in some labels.
     *
     * @param labels class index per example, each in {@code [0, classCount)}
     * @param classCount C
     * @param every hold out one class in every {@code every}, &gt;= 2
     * @return the split; classes that never occur are in neither list
     * @throws IllegalArgumentException when {@code every} is below 2 or a label is out of range
     */
    public static ClassHoldout byFrequencyRank(final int[] labels, final int classCount, final int every) {
        if (every < 2) {
            throw new IllegalArgumentException("holdout must keep one class in every N >= 2, got " + every);
        }
        final int[] counts = new int[classCount];
        for (final int label : labels) {
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("label " + label + " is outside [0, " + classCount + ")");
            }
            counts[label]++;
        }
        final List<Integer> present = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            if (counts[c] > 0) {
                present.add(c);
            }
        }
        present.sort(Comparator.<Integer>comparingInt(c -> -counts[c]).thenComparingInt(c -> c));
        final List<Integer> base = new ArrayList<>();
        final List<Integer> novel = new ArrayList<>();
        for (int rank = 0; rank < present.size(); rank++) {
            (rank % every == every - 1 ? novel : base).add(present.get(rank));
        }
        return new ClassHoldout(base, novel);
    }

    /**
     * Relabels examples into the positions of a class list.
     *
     * @param labels global class indices
     * @param classes the class list (e.g. {@link #base()})
     * @return per example its position in {@code classes}, or -1 when its class is not in the list
     */
    public static int[] positionsIn(final int[] labels, final List<Integer> classes) {
        final int max = classes.stream().mapToInt(Integer::intValue).max().orElse(-1);
        final int[] position = new int[Math.max(max + 1, 0)];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < classes.size(); i++) {
            position[classes.get(i)] = i;
        }
        final int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] >= 0 && labels[i] < position.length ? position[labels[i]] : -1;
        }
        return out;
    }
}
