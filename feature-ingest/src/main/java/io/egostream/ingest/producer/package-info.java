/** The Kafka side of ingest: an idempotent producer of frame records that counts and reports every failed send. */
package io.egostream.ingest.producer;
