package io.egostream.training.optim;

import java.util.Map;

/**
 * The state of {@link Adam}: steps taken and the two moment estimates of every parameter by name.
 *
 * @param steps optimiser steps taken, {@code >= 0}
 * @param firstMoments {@code m} of each parameter, flattened in C order
 * @param secondMoments {@code v} of each parameter, flattened in C order
 */
public record AdamState(long steps, Map<String, float[]> firstMoments, Map<String, float[]> secondMoments) {

    /** Validates the step count and copies the maps. */
    public AdamState {
        if (steps < 0) {
            throw new IllegalArgumentException("optimiser steps must be >= 0, got " + steps);
        }
        firstMoments = Map.copyOf(firstMoments);
        secondMoments = Map.copyOf(secondMoments);
    }
}
