/**
 * Simulated cameras (no Kafka): each camera plays a seeded playlist of annotated videos, one session per
 * video, and turns them into frames and end-of-stream markers on a paced send schedule.
 */
package io.egostream.ingest.camera;
