/**
 * The analyzer's Kafka Streams processors: stateless validation of decoded frames
 * ({@link io.egostream.stream.processor.FrameValidationProcessor}) and the per-camera analyzer
 * ({@link io.egostream.stream.processor.CameraAnalyzerProcessor}) with its changelogged stores.
 */
package io.egostream.stream.processor;
