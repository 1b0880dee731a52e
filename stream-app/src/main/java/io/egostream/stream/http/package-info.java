/** The analyzer's HTTP server (Vert.x): {@code /health}, {@code /ready}, {@code /metrics}. */
package io.egostream.stream.http;
