/**
 * Simulated cameras (pure Java): real action timelines from the EPIC-KITCHENS-100 validation annotations
 * ({@link io.egostream.model.synth.EpicKitchensCsv}) and a seeded, reproducible feature generator
 * ({@link io.egostream.model.synth.FeatureSynthesizer}) whose vectors carry the classes of the active actions
 * ({@link io.egostream.model.synth.ClassPrototypes}), move smoothly in time and follow the statistics of real
 * pre-extracted video features (non-negative, a few percent exact zeros). Used by the simulated-camera
 * producer and by training's benchmark. Imports only {@code java.*}.
 */
package io.egostream.model.synth;
