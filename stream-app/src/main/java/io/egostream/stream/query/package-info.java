/**
 * Interactive queries: a camera's bookkeeping and latest events from the analyzer's state stores, answered by
 * the instance that owns the camera's partition ({@link io.egostream.stream.query.CameraQueries}).
 */
package io.egostream.stream.query;
