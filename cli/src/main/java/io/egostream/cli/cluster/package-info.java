/**
 * {@code egostream cluster}: a multi-node EgoStream on one machine, each node its own process (three KRaft Kafka
 * brokers, analyzer instances, the simulated cameras), for trying failures that a single process cannot show.
 */
package io.egostream.cli.cluster;
