/** Every Prometheus meter of the analyzer, in one place ({@link io.egostream.stream.metrics.AnalyzerMetrics}). */
package io.egostream.stream.metrics;
