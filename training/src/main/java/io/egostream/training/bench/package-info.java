/**
 * The EgoStream benchmark: a reproducible synthetic dataset on real action timelines (EPIC-KITCHENS-100
 * validation, or EGTEA Gaze+ split 1), with features from the same seeded generator as the simulated
 * cameras ({@link io.egostream.model.synth.FeatureSynthesizer}) and labels for every task derived from the
 * timelines, written in the Ego4D formats so that the real loaders ({@link io.egostream.training.data})
 * read it.
 */
package io.egostream.training.bench;
