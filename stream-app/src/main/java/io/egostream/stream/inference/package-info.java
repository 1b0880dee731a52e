/**
 * The inference port of the analyzer ({@link io.egostream.stream.inference.AnalyzerInference}): the topology hands
 * it the new frames of many cameras at once and gets back task results; no Kafka type crosses it. The
 * implementation here ({@link io.egostream.stream.inference.WindowedModelInference}) runs the Hier-EgoPack
 * offline forward through DJL on each task window as one clip, all windows of a step batched into one backbone
 * call.
 */
package io.egostream.stream.inference;
