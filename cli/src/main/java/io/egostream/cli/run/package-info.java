/**
 * The commands that run EgoStream: {@code demo} (embedded broker, simulated cameras, analyzer, live summary),
 * {@code broker} (the embedded broker alone on a fixed port) and {@code run} (the analyzer alone against any
 * Kafka cluster).
 */
package io.egostream.cli.run;
