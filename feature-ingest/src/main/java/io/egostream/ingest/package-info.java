/**
 * Feature ingest: simulated wearable cameras ({@link io.egostream.ingest.camera}) that replay real
 * EPIC-KITCHENS-100 action timelines as synthetic feature frames, and the Kafka producer that sends them
 * ({@link io.egostream.ingest.producer}).
 */
package io.egostream.ingest;
