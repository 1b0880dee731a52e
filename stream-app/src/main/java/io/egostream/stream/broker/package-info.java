/**
 * The embedded Kafka broker ({@link io.egostream.stream.broker.LocalKafkaBroker}: real KRaft, in-process,
 * temporary data) and topic setup that waits for partition leaders
 * ({@link io.egostream.stream.broker.TopicAdmin}).
 */
package io.egostream.stream.broker;
