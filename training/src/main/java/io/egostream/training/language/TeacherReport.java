package io.egostream.training.language;

import java.util.List;
import java.util.Map;

/**
 * How well the text-derived teacher anticipates on held-out clips, next to simple baselines.
 *
 * @param corpus the evaluated dataset
 * @param positions clip positions scored for the next action (every action after a clip's first)
 * @param verbNext next-verb accuracy by predictor ({@code text teacher}, {@code bigram}, {@code majority})
 * @param nounNext next-noun accuracy by predictor
 * @param verbChance uniform chance over the verbs
 * @param nounChance uniform chance over the nouns
 * @param ltaSamples LTA samples (2 observed actions, Z future) scored by edit distance
 * @param verbEditDistance verb ED@Z (one sequence per sample: the argmax of each step) by predictor
 *     ({@code text teacher}, {@code markov chain})
 * @param nounEditDistance noun ED@Z by predictor
 * @param epochLosses the teacher's training loss per epoch
 */
public record TeacherReport(String corpus, int positions, Map<String, Accuracy> verbNext,
        Map<String, Accuracy> nounNext, Accuracy verbChance, Accuracy nounChance, int ltaSamples,
        Map<String, Double> verbEditDistance, Map<String, Double> nounEditDistance, List<Double> epochLosses) {
}
