package io.egostream.training.bench;

/**
 * What one split of the benchmark holds.
 *
 * @param split the split name
 * @param videos videos
 * @param hours total video length, h
 * @param features feature vectors
 * @param actions actions (after cutting at clip ends)
 * @param clips clips (AR samples and MQ clips when they have actions)
 * @param ltaSamples LTA samples (2 observed + 20 future actions)
 * @param stateChangeWindows OSCC windows
 * @param stateChangePositives windows with a state change (= PNR samples)
 * @param verbsUsed distinct verb classes among the actions
 * @param nounsUsed distinct noun classes among the actions
 */
public record SplitStatistics(String split, int videos, double hours, long features, int actions, int clips,
        int ltaSamples, int stateChangeWindows, int stateChangePositives, int verbsUsed, int nounsUsed) {
}
