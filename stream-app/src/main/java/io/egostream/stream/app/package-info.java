/**
 * The running analyzer ({@link io.egostream.stream.app.AnalyzerApp}): topics, model, Kafka Streams and the HTTP
 * server, started together and stopped together.
 */
package io.egostream.stream.app;
